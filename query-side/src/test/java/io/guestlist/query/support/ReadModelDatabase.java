package io.guestlist.query.support;

import io.guestlist.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database of the test class's own with the real migrations applied, for projections driven
 * directly (no Spring context, no processor): outside a unit of work their writes go at once.
 */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static JdbcTemplate migrated(Class<?> testClass) {
        String url = TestDatabase.create(testClass);
        Flyway.configure().dataSource(url, TestDatabase.USER, TestDatabase.PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(new SingleConnectionDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD, true));
    }

    /** Every row of every table named, ordered by its primary key: what "changes nothing" compares (arrays by their elements). */
    public static Map<String, List<Map<String, Object>>> dump(JdbcTemplate jdbc, Map<String, String> tablesWithKeys) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        tablesWithKeys.forEach((table, key) -> rows.put(table, jdbc.query("SELECT * FROM " + table + " ORDER BY " + key, ROWS)));
        return rows;
    }

    /** A row as a map, an array column as the list of its elements (a JDBC array equals only itself). */
    private static final RowMapper<Map<String, Object>> ROWS = new ColumnMapRowMapper() {
        @Override
        protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
            Object value = super.getColumnValue(rs, index);
            return value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value;
        }
    };
}
