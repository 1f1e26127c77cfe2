package io.guestlist.query.audience;

import io.guestlist.query.support.SqlBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps {@code audience_members} equal to SPEC §5 applied to the current units, rules and
 * overrides. What a batch touched is marked dirty (a unit, an event, or one unit of one event) and
 * recomputed once at the end of the batch, after all of its statements, with one set-based
 * statement. It reads only status, name, side and tags of units, which are plain statements of the
 * batch, never the columns other finishers derive, so the order of finishers does not matter.
 */
@Component
class AudienceBindings {

    /**
     * The pairs in scope, what they should be, the stale rows deleted and the rest upserted. A unit
     * is in when ACTIVE and force-included, or when it matches the include (every given criterion;
     * an include with no criterion and all = false matches nothing), matches no exclude criterion
     * and is not force-excluded. A force-included unit is in for that reason even if the rules take it too.
     *
     * <p>Tags are compared by joining the rule's tags to the unit's rows, which PostgreSQL hashes or
     * probes by key: linear in the tags of both. The array operators {@code @>} and {@code &&} would
     * compare every element of one array with every element of the other (quadratic: a unit and a
     * rule with 20,000 tags each took seconds). A unit has each tag once, so ALL holds when every
     * one of the rule's tags found its row.
     */
    private static final String RECOMPUTE = """
            WITH scope AS (
                SELECT o.occasion_id, u.unit_id
                  FROM occasions o JOIN guest_units u ON u.workspace_id = o.workspace_id
                 WHERE o.occasion_id = ANY(?::uuid[])
                UNION
                SELECT o.occasion_id, u.unit_id
                  FROM guest_units u JOIN occasions o ON o.workspace_id = u.workspace_id
                 WHERE u.unit_id = ANY(?::uuid[])
                UNION
                SELECT p.occasion_id, p.unit_id FROM unnest(?::uuid[], ?::uuid[]) AS p(occasion_id, unit_id)
            ), judged AS (
                SELECT s.occasion_id, s.unit_id, u.workspace_id, u.name,
                       CASE WHEN u.status <> 'ACTIVE' THEN NULL
                            WHEN ov.mode = 'FORCE_INCLUDE' THEN 'FORCE_INCLUDE'
                            WHEN ov.mode = 'FORCE_EXCLUDE' THEN NULL
                            WHEN (o.include_all OR cardinality(o.include_sides) > 0 OR cardinality(o.include_tags) > 0)
                             AND (cardinality(o.include_sides) = 0 OR u.side = ANY(o.include_sides))
                             AND (cardinality(o.include_tags) = 0
                                  OR (o.tag_match = 'ALL' AND t.included = cardinality(o.include_tags))
                                  OR (o.tag_match = 'ANY' AND t.included > 0))
                             AND NOT coalesce(u.side = ANY(o.exclude_sides), FALSE)
                             AND t.excluded = 0 THEN 'RULE'
                       END AS reason
                  FROM scope s
                  JOIN occasions o ON o.occasion_id = s.occasion_id
                  JOIN guest_units u ON u.unit_id = s.unit_id AND u.workspace_id = o.workspace_id
                  LEFT JOIN audience_overrides ov ON ov.occasion_id = s.occasion_id AND ov.unit_id = s.unit_id
                  CROSS JOIN LATERAL (
                       SELECT count(*) FILTER (WHERE NOT r.excludes) AS included, count(*) FILTER (WHERE r.excludes) AS excluded
                         FROM (SELECT tag, FALSE FROM unnest(o.include_tags) tag
                               UNION ALL SELECT tag, TRUE FROM unnest(o.exclude_tags) tag) r(tag, excludes)
                         JOIN unit_tags ut ON ut.unit_id = s.unit_id AND ut.tag = r.tag) t
            ), stale AS (
                DELETE FROM audience_members am USING scope s
                 WHERE am.occasion_id = s.occasion_id AND am.unit_id = s.unit_id
                   AND NOT EXISTS (SELECT 1 FROM judged j
                                    WHERE j.occasion_id = am.occasion_id AND j.unit_id = am.unit_id AND j.reason IS NOT NULL)
            )
            INSERT INTO audience_members (occasion_id, unit_id, workspace_id, reason, unit_name)
            SELECT occasion_id, unit_id, workspace_id, reason, name FROM judged WHERE reason IS NOT NULL
            ON CONFLICT (occasion_id, unit_id) DO UPDATE SET reason = EXCLUDED.reason, unit_name = EXCLUDED.unit_name
             WHERE (audience_members.reason, audience_members.unit_name) IS DISTINCT FROM (EXCLUDED.reason, EXCLUDED.unit_name)""";

    private record Pair(UUID occasion, UUID unit) {
    }

    private final JdbcTemplate jdbc;
    private final AudienceTotals totals;
    private final Consumer<Set<Object>> units = keys -> recompute(List.of(), keys, List.of());
    private final Consumer<Set<Object>> occasions = keys -> recompute(keys, List.of(), List.of());
    private final Consumer<Set<Object>> pairs = keys -> recompute(List.of(), List.of(), keys);

    AudienceBindings(JdbcTemplate jdbc, AudienceTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /** The unit's side, tags, status or name changed: its place in every event of its workspace. */
    void unitChanged(SqlBatch batch, UUID unit) {
        batch.markDirty(units, unit);
        totals.unitChanged(batch, unit);
    }

    /** The event's rules changed: every unit of its workspace. */
    void rulesChanged(SqlBatch batch, UUID occasion) {
        batch.markDirty(occasions, occasion);
        totals.occasionChanged(batch, occasion);
    }

    /** One unit's override on one event changed: that pair only. */
    void overrideChanged(SqlBatch batch, UUID occasion, UUID unit) {
        batch.markDirty(pairs, new Pair(occasion, unit));
        totals.occasionChanged(batch, occasion);
    }

    private void recompute(Collection<Object> occasionIds, Collection<Object> unitIds, Collection<Object> pairKeys) {
        List<Pair> pairList = pairKeys.stream().map(Pair.class::cast).toList();
        jdbc.update(RECOMPUTE, ids(occasionIds.stream()), ids(unitIds.stream()),
                ids(pairList.stream().map(Pair::occasion)), ids(pairList.stream().map(Pair::unit)));
    }

    private static String[] ids(Stream<?> ids) {
        return ids.map(String::valueOf).toArray(String[]::new);
    }
}
