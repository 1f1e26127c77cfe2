package io.guestlist.query.rebuild;

import io.guestlist.query.rebuild.RebuildStatus.TableDifference;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A schema of fresh copies of read tables ({@code LIKE … INCLUDING ALL}: columns, defaults,
 * generated columns, constraints), compared with the live tables row for row with
 * {@code EXCEPT ALL} both ways. Names come from the code, never from a request.
 *
 * <p>The copies are unlogged: they are dropped after the rebuild, and one a crash interrupted is
 * dropped at start-up, so their writes need no WAL. They have the live tables' indexes but
 * {@code queryIndexes}, which only queries read: every unique index (the projections' conflicts
 * and constraints behave as live), and every index their writes probe.
 */
record ShadowSchema(String name, List<String> tables, Set<String> queryIndexes) {

    void create(JdbcTemplate jdbc) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + name);
        Set<String> skipped = new HashSet<>();
        for (String table : tables) {
            jdbc.execute("CREATE UNLOGGED TABLE " + name + "." + table + " (LIKE public." + table + " INCLUDING ALL EXCLUDING INDEXES)");
            jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ? ORDER BY indexname", rs -> {
                String index = rs.getString(1);
                if (queryIndexes.contains(index) && rs.getString(2).startsWith("CREATE UNIQUE")) {
                    throw new IllegalStateException("the unique index " + index + " is a constraint, not a query index");
                } else if (queryIndexes.contains(index)) {
                    skipped.add(index);
                } else {
                    jdbc.execute(onShadow(rs.getString(2), table));
                }
            }, table);
        }
        if (!skipped.equals(queryIndexes)) {
            Set<String> unknown = new HashSet<>(queryIndexes);
            unknown.removeAll(skipped);
            throw new IllegalStateException("no live index is named " + unknown + " (a projection set names it a query index)");
        }
    }

    /** The live index's definition ({@code CREATE … INDEX n ON public.t USING …}) on the shadow copy. */
    private String onShadow(String definition, String table) {
        String live = " ON public." + table + " USING ";
        if (!definition.contains(live)) {
            throw new IllegalStateException("cannot copy the index " + definition);
        }
        return definition.replace(live, " ON " + name + "." + table + " USING ");
    }

    void drop(JdbcTemplate jdbc) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    List<TableDifference> compare(JdbcTemplate jdbc) {
        return tables.stream().map(table -> {
            String rebuilt = "SELECT * FROM " + name + "." + table;
            String live = "SELECT * FROM public." + table;
            long onlyRebuilt = count(jdbc, rebuilt + " EXCEPT ALL " + live);
            long onlyLive = count(jdbc, live + " EXCEPT ALL " + rebuilt);
            List<String> samples = onlyRebuilt + onlyLive == 0 ? List.of() : jdbc.queryForList("""
                    (SELECT 'rebuilt: ' || row_to_json(d)::text FROM (%1$s EXCEPT ALL %2$s) d LIMIT 3)
                    UNION ALL (SELECT 'live: ' || row_to_json(d)::text FROM (%2$s EXCEPT ALL %1$s) d LIMIT 3)"""
                    .formatted(rebuilt, live), String.class);
            return new TableDifference(table, onlyRebuilt, onlyLive, samples);
        }).toList();
    }

    private static long count(JdbcTemplate jdbc, String query) {
        return jdbc.queryForObject("SELECT count(*) FROM (" + query + ") d", Long.class);
    }
}
