package io.guestlist.command.importrun;

import java.util.Locale;

/** Small rules shared by the import's reading and applying of rows. */
final class ImportRows {

    private ImportRows() {
    }

    /** Rows that share a household value form one group: compared trimmed, case- and space-insensitively. */
    static String householdKey(String household) {
        return household.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
