package io.guestlist.query.rebuild;

import io.guestlist.query.rebuild.RebuildStatus.TableDifference;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A schema of fresh copies of read tables ({@code LIKE … INCLUDING ALL}: columns, defaults,
 * generated columns, constraints and indexes), compared with the live tables row for row with
 * {@code EXCEPT ALL} both ways. Names come from the code, never from a request.
 */
record ShadowSchema(String name, List<String> tables) {

    void create(JdbcTemplate jdbc) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + name);
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + name + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
        }
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
