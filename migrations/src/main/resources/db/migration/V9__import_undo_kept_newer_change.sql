-- An import's undo leaves a change that later work changed again, and reports its row as
-- kept_newer_change (SPEC §4.4): counted on the run, marked on the row.
ALTER TABLE import_runs ADD COLUMN kept_newer_change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_rows ADD COLUMN undo_outcome VARCHAR(32);
ALTER TABLE import_rows ADD CONSTRAINT ck_import_rows_undo_outcome CHECK (undo_outcome IN ('kept_newer_change'));
