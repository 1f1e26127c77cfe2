-- An erasure scrubs the import rows that resolved to the erased person (UPDATE import_rows … WHERE
-- person_id = ?): one index range instead of a scan of every workspace's rows. Rows of no person
-- (skipped, malformed) are never looked up by person, so they stay out of the index.
CREATE INDEX ix_import_rows_person ON import_rows (person_id) WHERE person_id IS NOT NULL;

-- Which events' audience rules name which side, on the command side: a renamed side is carried over to
-- every event whose rules name it, as units follow it (cmd_unit.side). Kept by the command directory in
-- the transaction of each AudienceRulesSet.
CREATE TABLE cmd_occasion_side (
    occasion_id  UUID         NOT NULL,
    workspace_id UUID         NOT NULL,
    side         VARCHAR(100) NOT NULL,
    CONSTRAINT pk_cmd_occasion_side PRIMARY KEY (occasion_id, side)
);
CREATE INDEX ix_cmd_occasion_side_workspace_side ON cmd_occasion_side (workspace_id, side);

-- The events' rules now, folded from their events (the source of truth): the sides, included or
-- excluded, of each event's newest AudienceRulesSet.
INSERT INTO cmd_occasion_side (occasion_id, workspace_id, side)
SELECT DISTINCT newest.occasion_id, newest.workspace_id, s.side
  FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier::uuid AS occasion_id,
               (convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId')::uuid AS workspace_id,
               convert_from(payload, 'UTF8')::jsonb -> 'rules' AS rules
          FROM domain_event_entry
         WHERE payload_type = 'io.guestlist.kernel.occasion.AudienceRulesSetEvent'
         ORDER BY aggregate_identifier, global_index DESC) newest,
       jsonb_array_elements_text(coalesce(newest.rules -> 'include' -> 'sides', '[]'::jsonb)
                                 || coalesce(newest.rules -> 'exclude' -> 'sides', '[]'::jsonb)) AS s(side);
