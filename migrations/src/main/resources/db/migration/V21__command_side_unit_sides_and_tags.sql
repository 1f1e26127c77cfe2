-- Which units carry which side and which tags, on the command side (issue 12): a side in use cannot be
-- removed from its workspace, a renamed side is set anew on every unit that had it, and a renamed tag
-- on every unit that carries it. Kept by the command directory in the transaction of each unit event.
ALTER TABLE cmd_unit ADD COLUMN side VARCHAR(100);
CREATE INDEX ix_cmd_unit_workspace_side ON cmd_unit (workspace_id, side) WHERE side IS NOT NULL;

CREATE TABLE cmd_unit_tag (
    unit_id      UUID         NOT NULL,
    workspace_id UUID         NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    CONSTRAINT pk_cmd_unit_tag PRIMARY KEY (unit_id, tag)
);
CREATE INDEX ix_cmd_unit_tag_workspace_tag ON cmd_unit_tag (workspace_id, tag);

-- The units that exist now, folded from their events (the source of truth): the side of each unit's
-- newest UnitCreated or UnitSideSet; a tag where the unit's newest event naming it did not remove it.
UPDATE cmd_unit c SET side = s.side
  FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier,
               convert_from(payload, 'UTF8')::jsonb ->> 'side' AS side
          FROM domain_event_entry
         WHERE payload_type IN ('io.guestlist.kernel.guestunit.UnitCreatedEvent', 'io.guestlist.kernel.guestunit.UnitSideSetEvent')
         ORDER BY aggregate_identifier, global_index DESC) s
 WHERE c.unit_id::text = s.aggregate_identifier;

INSERT INTO cmd_unit_tag (unit_id, workspace_id, tag)
SELECT c.unit_id, c.workspace_id, newest.tag
  FROM (SELECT DISTINCT ON (e.aggregate_identifier, t.tag) e.aggregate_identifier, t.tag, e.payload_type
          FROM domain_event_entry e,
               jsonb_array_elements_text(convert_from(e.payload, 'UTF8')::jsonb -> 'tags') AS t(tag)
         WHERE e.payload_type IN ('io.guestlist.kernel.guestunit.UnitCreatedEvent', 'io.guestlist.kernel.guestunit.UnitTagsAddedEvent',
                                  'io.guestlist.kernel.guestunit.UnitTagsRemovedEvent')
         ORDER BY e.aggregate_identifier, t.tag, e.global_index DESC) newest
  JOIN cmd_unit c ON c.unit_id::text = newest.aggregate_identifier
 WHERE newest.payload_type <> 'io.guestlist.kernel.guestunit.UnitTagsRemovedEvent';
