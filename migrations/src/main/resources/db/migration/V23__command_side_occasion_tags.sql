-- Which events' audience rules name which tag, on the command side: a renamed tag is carried over to
-- every event whose rules name it, as units follow it (cmd_unit_tag). Kept by the command directory in
-- the transaction of each AudienceRulesSet.
CREATE TABLE cmd_occasion_tag (
    occasion_id  UUID         NOT NULL,
    workspace_id UUID         NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    CONSTRAINT pk_cmd_occasion_tag PRIMARY KEY (occasion_id, tag)
);
CREATE INDEX ix_cmd_occasion_tag_workspace_tag ON cmd_occasion_tag (workspace_id, tag);

-- The events' rules now, folded from their events (the source of truth): the tags, included or
-- excluded, of each event's newest AudienceRulesSet.
INSERT INTO cmd_occasion_tag (occasion_id, workspace_id, tag)
SELECT DISTINCT newest.occasion_id, newest.workspace_id, t.tag
  FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier::uuid AS occasion_id,
               (convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId')::uuid AS workspace_id,
               convert_from(payload, 'UTF8')::jsonb -> 'rules' AS rules
          FROM domain_event_entry
         WHERE payload_type = 'io.guestlist.kernel.occasion.AudienceRulesSetEvent'
         ORDER BY aggregate_identifier, global_index DESC) newest,
       jsonb_array_elements_text(coalesce(newest.rules -> 'include' -> 'tags', '[]'::jsonb)
                                 || coalesce(newest.rules -> 'exclude' -> 'tags', '[]'::jsonb)) AS t(tag);
