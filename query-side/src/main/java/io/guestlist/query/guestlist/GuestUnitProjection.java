package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.query.support.RowsWrite;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.guestlist.query.guestlist.GuestListSql.ts;

/**
 * Guest units, tags and unit tags. People and memberships are in {@link PeopleProjection}; both
 * belong to one processing group, so they see events in one order and share each batch. A unit's
 * tags are kept twice: sorted on its row ({@code guest_units.tags}, which the unit list shows and
 * filters on through one index), and a row per tag in {@code unit_tags} (audience rules, tag list).
 */
@Component
@ProcessingGroup(GuestListSql.GROUP)
class GuestUnitProjection {

    /**
     * The tags table lists the tags in use: a tag the unit no longer carries (its {@code gone} rows)
     * leaves it when no other unit carries it. Only those tags are looked at, so a removal costs
     * what it removes, not the workspace's tag count. The statement still sees the unit's own rows.
     */
    private static final String FORGET_GONE_TAGS = """

            DELETE FROM tags t USING gone
             WHERE t.workspace_id = gone.workspace_id AND t.name = gone.tag
               AND NOT EXISTS (SELECT 1 FROM unit_tags u
                                WHERE u.workspace_id = t.workspace_id AND u.tag = t.name AND u.unit_id <> gone.unit_id)""";

    /** The unit, its tags and the tags in use. Handling an event twice changes nothing. */
    private static final RowsWrite CREATE = new RowsWrite("""
            WITH r AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[]) WITH ORDINALITY
                       AS r(unit_id, workspace_id, name, side, at, by, tags, ord)
            ), unit AS (
                INSERT INTO guest_units (unit_id, workspace_id, name, side, tags, status, created_at, created_by, updated_at, updated_by)
                SELECT unit_id, workspace_id, name, side, ARRAY(SELECT DISTINCT t FROM unnest(r.tags::text[]) AS t ORDER BY t),
                       'ACTIVE', at, by, at, by FROM r ORDER BY ord
                ON CONFLICT (unit_id) DO NOTHING
            ), unit_tag AS (
                SELECT r.unit_id, r.workspace_id, t.tag FROM r CROSS JOIN LATERAL unnest(r.tags::text[]) AS t(tag)
            ), tag AS (
                INSERT INTO tags (workspace_id, name) SELECT DISTINCT workspace_id, tag FROM unit_tag ON CONFLICT DO NOTHING
            )
            INSERT INTO unit_tags (unit_id, tag, workspace_id) SELECT unit_id, tag, workspace_id FROM unit_tag ON CONFLICT DO NOTHING""",
            Set.of("guest_units", "tags", "unit_tags"));

    private final JdbcTemplate jdbc;
    private final GuestListSql sql;

    GuestUnitProjection(JdbcTemplate jdbc, GuestListSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE guest_units, tags, unit_tags");
    }

    @EventHandler
    void on(UnitCreatedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add(CREATE, e.unitId().value(), e.workspaceId().value(), e.name(), e.side(), at, by, e.tags());
    }

    @EventHandler
    void on(UnitRenamedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("name = ?", e.name(), e.unitId().value(), at, by);
    }

    @EventHandler
    void on(UnitArchivedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("status = ?", "ARCHIVED", e.unitId().value(), at, by);
    }

    @EventHandler
    void on(UnitRestoredEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("status = ?", "ACTIVE", e.unitId().value(), at, by);
    }

    @EventHandler
    void on(UnitSideSetEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("side = ?", e.side(), e.unitId().value(), at, by);
    }

    @EventHandler
    void on(UnitTagsAddedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("""
                        WITH tag AS (
                            INSERT INTO tags (workspace_id, name) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING
                        ), unit_tag AS (
                            INSERT INTO unit_tags (unit_id, tag, workspace_id) SELECT ?, unnest(?::text[]), ? ON CONFLICT DO NOTHING
                        )
                        UPDATE guest_units SET tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || ?::text[]) AS t ORDER BY t),
                               updated_at = ?, updated_by = ? WHERE unit_id = ?""",
                e.workspaceId().value(), tags(e.tags()), e.unitId().value(), tags(e.tags()), e.workspaceId().value(),
                tags(e.tags()), ts(at), by, e.unitId().value());
    }

    @EventHandler
    void on(UnitTagsRemovedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("""
                        WITH gone AS (
                            DELETE FROM unit_tags ut USING unnest(?::text[]) AS removed(tag) WHERE ut.unit_id = ? AND ut.tag = removed.tag
                            RETURNING ut.unit_id, ut.workspace_id, ut.tag
                        )""" + FORGET_GONE_TAGS, tags(e.tags()), e.unitId().value());
        touch("tags = ARRAY(SELECT t FROM unnest(tags) AS t WHERE t <> ALL (?::text[]) ORDER BY t)", tags(e.tags()),
                e.unitId().value(), at, by);
    }

    /** An undone import's unit is gone from the read model, as it was before the import; its events stay. */
    @EventHandler
    void on(UnitDiscardedEvent e) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("WITH gone AS (DELETE FROM unit_tags WHERE unit_id = ? RETURNING unit_id, workspace_id, tag)" + FORGET_GONE_TAGS,
                e.unitId().value());
        batch.add("DELETE FROM guest_units WHERE unit_id = ?", e.unitId().value());
    }

    @EventHandler
    void on(PrimaryContactChosenEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("chosen_contact_id = ?", e.personId().value(), e.unitId().value(), at, by);
        sql.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    /** Sets one column (or none) and the unit's updated_at/by. */
    private void touch(String assignment, Object value, UUID unit, Instant at, String by) {
        if (assignment == null) {
            SqlBatch.current(jdbc).add("UPDATE guest_units SET updated_at = ?, updated_by = ? WHERE unit_id = ?", ts(at), by, unit);
        } else {
            SqlBatch.current(jdbc).add("UPDATE guest_units SET " + assignment + ", updated_at = ?, updated_by = ? WHERE unit_id = ?",
                    value, ts(at), by, unit);
        }
    }

    private static String[] tags(Set<String> tags) {
        return tags.toArray(String[]::new);
    }
}
