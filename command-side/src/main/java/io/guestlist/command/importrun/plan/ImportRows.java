package io.guestlist.command.importrun.plan;

import java.util.Locale;

/** Small rules shared by the import's reading and applying of rows. */
public final class ImportRows {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private ImportRows() {
    }

    /** Rows that share a household value form one group: compared trimmed, case- and space-insensitively. */
    public static String householdKey(String household) {
        return WHITESPACE.matcher(household.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** A unit's or household's name as compared across them: ignoring case, accents and spaces ("Família Rao" = "familiarao"). */
    public static String nameKey(String name) {
        String unaccented = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return WHITESPACE.matcher(unaccented).replaceAll("").toLowerCase(Locale.ROOT);
    }

    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
