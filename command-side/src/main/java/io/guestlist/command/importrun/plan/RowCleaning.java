package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.kernel.text.CleanText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import row made fit to store: every header, raw value and typed field passed through
 * {@link CleanText#strip}, so no control character reaches an event (a NUL would stop the projections).
 * Raw values and notes keep tab and line breaks, which a quoted cell may hold; the other fields are
 * single-line. A row is never refused for this: it carries {@link #CONTROL_CHARACTERS_REMOVED}.
 */
final class RowCleaning {

    static final String CONTROL_CHARACTERS_REMOVED = "control_characters_removed";

    private RowCleaning() {
    }

    /** The row itself when it is clean, else a cleaned copy. */
    static RawRow clean(RawRow row) {
        if (isClean(row)) {
            return row;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        row.raw().forEach((key, value) -> raw.putIfAbsent(line(key), CleanText.strip(value, true)));
        return new RawRow(row.rowNumber(), raw, line(row.name()), line(row.phone()), lines(row.otherPhones()),
                line(row.country()), line(row.household()), line(row.side()), lines(row.tags()), line(row.email()),
                CleanText.strip(row.notes(), true));
    }

    private static boolean isClean(RawRow row) {
        return row.raw().entrySet().stream().allMatch(cell -> CleanText.isClean(cell.getKey(), false)
                        && CleanText.isClean(cell.getValue(), true))
                && allClean(row.name(), row.phone(), row.country(), row.household(), row.side(), row.email())
                && row.otherPhones().stream().allMatch(value -> CleanText.isClean(value, false))
                && row.tags().stream().allMatch(value -> CleanText.isClean(value, false))
                && CleanText.isClean(row.notes(), true);
    }

    private static boolean allClean(String... values) {
        for (String value : values) {
            if (!CleanText.isClean(value, false)) {
                return false;
            }
        }
        return true;
    }

    private static String line(String value) {
        return CleanText.strip(value, false);
    }

    private static List<String> lines(List<String> values) {
        return values.stream().map(RowCleaning::line).toList();
    }
}
