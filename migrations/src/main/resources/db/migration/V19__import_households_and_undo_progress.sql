-- SPEC §4.3 across the whole run: a household with none of its people known joins the one ACTIVE
-- unit of the workspace that bears its name, so the command side keeps each unit's name.
ALTER TABLE cmd_unit ADD COLUMN name VARCHAR(1000);
UPDATE cmd_unit c SET name = g.name FROM guest_units g WHERE g.unit_id = c.unit_id;
CREATE INDEX ix_cmd_unit_workspace_active ON cmd_unit (workspace_id) WHERE active;

-- A run surveys its households once, before its first batch (the survey is an event of the run,
-- this flag is written in its transaction); runs already under way when this ships are not surveyed.
ALTER TABLE cmd_import_payload ADD COLUMN households_surveyed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE cmd_import_payload SET households_surveyed = TRUE WHERE next_row > 1 OR finished;

-- An undo runs in batches, each its own transaction; while one is under way the run is unfinished
-- again (so another instance resumes it if this one dies), and undo_by names who asked for it.
ALTER TABLE cmd_import_payload ADD COLUMN undo_by VARCHAR(255);
