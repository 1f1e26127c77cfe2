package io.guestlist.command.importrun;

import java.util.Locale;

/** Small rules shared by the import's reading and applying of rows. */
final class ImportRows {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private ImportRows() {
    }

    /** Rows that share a household value form one group: compared trimmed, case- and space-insensitively. */
    static String householdKey(String household) {
        return WHITESPACE.matcher(household.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
