package io.guestlist.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A statement that writes the rows of many events at once: its SQL takes one array per column
 * ({@code unnest(?::uuid[], ?::text[], …) WITH ORDINALITY}), each array holding that column's value
 * of every row, in event order. {@link SqlBatch} collects a batch's rows of one such statement and
 * sends them in one execution: a page of 5,000 events is a few statements, not 5,000.
 *
 * <p>Rows are gathered past the statements between them only when those touch none of
 * {@code tables} (every table the SQL reads or writes), so moving them changes no result. The SQL
 * must give the rows of one execution the meaning they have one after another: take conflicts in
 * {@code ord} order ({@code ON CONFLICT DO NOTHING}, {@code DISTINCT ON … ORDER BY ord}).
 *
 * <p>Values travel as text and are cast by the SQL: a UUID as itself, an instant in ISO-8601 (UTC),
 * a collection or array as an array literal, to be cast per row ({@code r.tags::text[]}).
 */
public record RowsWrite(String sql, Set<String> tables) {

    public RowsWrite {
        tables = Set.copyOf(tables);
    }

    /** Column arrays of {@code rows} (each row as the SQL takes its columns). */
    Object[] columns(List<Object[]> rows) {
        int width = rows.get(0).length;
        Object[] columns = new Object[width];
        for (int c = 0; c < width; c++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = text(rows.get(r)[c]);
            }
            columns[c] = column;
        }
        return columns;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Object[] array) {
            return arrayLiteral(Arrays.asList(array));
        }
        if (value instanceof Collection<?> collection) {
            return arrayLiteral(collection);
        }
        return value.toString();
    }

    /** A PostgreSQL array literal: every element quoted, so commas, braces and blanks stay inside it. */
    private static String arrayLiteral(Collection<?> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (Object element : elements) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            String text = text(element);
            if (text == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return literal.append('}').toString();
    }
}
