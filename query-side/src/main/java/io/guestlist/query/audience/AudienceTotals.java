package io.guestlist.query.audience;

import io.guestlist.query.support.SqlBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps {@code audience_totals}: per event of the celebration, its audience's units, inviteable units
 * and people, so a page of the audience reads three numbers instead of counting the whole audience.
 * A batch that touched a workspace's units, people, events or overrides counts the totals of that
 * workspace's events again, once, after every other recompute of the batch (bindings, contacts), whose
 * results it counts. Only the guest-list group writes these tables, and it keeps a workspace's events
 * in one segment, so no two transactions count one workspace at once.
 */
@Component
public class AudienceTotals {

    private static final String RECOUNT = """
            WITH ws AS (
                SELECT unnest(?::uuid[]) AS workspace_id
                UNION SELECT workspace_id FROM guest_units WHERE unit_id = ANY(?::uuid[])
                UNION SELECT workspace_id FROM people WHERE person_id = ANY(?::uuid[])
                UNION SELECT workspace_id FROM occasions WHERE occasion_id = ANY(?::uuid[])
            )
            INSERT INTO audience_totals (occasion_id, workspace_id, units, inviteable_units, people)
            SELECT o.occasion_id, o.workspace_id, count(u.unit_id), count(u.unit_id) FILTER (WHERE u.inviteable),
                   coalesce(sum(u.member_count), 0)
              FROM occasions o JOIN ws ON ws.workspace_id = o.workspace_id
              LEFT JOIN audience_members am ON am.occasion_id = o.occasion_id
              LEFT JOIN guest_units u ON u.unit_id = am.unit_id
             GROUP BY o.occasion_id, o.workspace_id
            ON CONFLICT (occasion_id) DO UPDATE
               SET units = EXCLUDED.units, inviteable_units = EXCLUDED.inviteable_units, people = EXCLUDED.people
             WHERE (audience_totals.units, audience_totals.inviteable_units, audience_totals.people)
                   IS DISTINCT FROM (EXCLUDED.units, EXCLUDED.inviteable_units, EXCLUDED.people)""";

    private interface Key {
        UUID id();
    }

    private record OfWorkspace(UUID id) implements Key {
    }

    private record OfUnit(UUID id) implements Key {
    }

    private record OfPerson(UUID id) implements Key {
    }

    private record OfOccasion(UUID id) implements Key {
    }

    private final JdbcTemplate jdbc;
    private final Consumer<Set<Object>> recount = this::recount;

    public AudienceTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void workspaceChanged(SqlBatch batch, UUID workspace) {
        batch.markDirtyLast(recount, new OfWorkspace(workspace));
    }

    public void unitChanged(SqlBatch batch, UUID unit) {
        batch.markDirtyLast(recount, new OfUnit(unit));
    }

    public void personChanged(SqlBatch batch, UUID person) {
        batch.markDirtyLast(recount, new OfPerson(person));
    }

    public void occasionChanged(SqlBatch batch, UUID occasion) {
        batch.markDirtyLast(recount, new OfOccasion(occasion));
    }

    private void recount(Set<Object> keys) {
        jdbc.update(RECOUNT, ids(keys, OfWorkspace.class), ids(keys, OfUnit.class), ids(keys, OfPerson.class),
                ids(keys, OfOccasion.class));
    }

    private static String[] ids(Set<Object> keys, Class<? extends Key> kind) {
        return keys.stream().filter(kind::isInstance).map(k -> kind.cast(k).id().toString()).toArray(String[]::new);
    }
}
