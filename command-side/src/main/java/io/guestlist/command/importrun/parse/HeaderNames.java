package io.guestlist.command.importrun.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header synonyms (SPEC §4.1), compared after {@link #normalize}: lower case, with runs of spaces,
 * underscores and dashes collapsed to one space, so "Phone 1 - Value", "E-mail" and "guest_name" match.
 * "group" is a household but "groups" are tags, as hosts use the words.
 */
final class HeaderNames {

    private static final Map<String, MappedField> SYNONYMS = Map.ofEntries(
            Map.entry("name", MappedField.NAME), Map.entry("full name", MappedField.NAME),
            Map.entry("fullname", MappedField.NAME), Map.entry("guest", MappedField.NAME),
            Map.entry("guest name", MappedField.NAME), Map.entry("display name", MappedField.NAME),
            Map.entry("first name", MappedField.FIRST_NAME), Map.entry("firstname", MappedField.FIRST_NAME),
            Map.entry("given name", MappedField.FIRST_NAME),
            Map.entry("last name", MappedField.LAST_NAME), Map.entry("lastname", MappedField.LAST_NAME),
            Map.entry("surname", MappedField.LAST_NAME), Map.entry("family name", MappedField.LAST_NAME),
            Map.entry("country", MappedField.COUNTRY),
            Map.entry("household", MappedField.HOUSEHOLD), Map.entry("family", MappedField.HOUSEHOLD),
            Map.entry("party", MappedField.HOUSEHOLD), Map.entry("group", MappedField.HOUSEHOLD),
            Map.entry("unit", MappedField.HOUSEHOLD),
            Map.entry("side", MappedField.SIDE),
            Map.entry("tags", MappedField.TAGS), Map.entry("tag", MappedField.TAGS),
            Map.entry("labels", MappedField.TAGS), Map.entry("groups", MappedField.TAGS),
            Map.entry("group membership", MappedField.TAGS), Map.entry("categories", MappedField.TAGS),
            Map.entry("notes", MappedField.NOTES), Map.entry("note", MappedField.NOTES));

    private static final Pattern EMAIL = Pattern.compile("e ?mail( \\d+)?( value| address)?");
    private static final Pattern PHONE = Pattern.compile(
            "((mobile|primary|home|business|other|car|work) )?(phone|mobile|cell|cellphone|whatsapp|tel|telephone)"
                    + "( number| no)?( ?\\d+)?( value)?");
    private static final Pattern PHONE_TYPE = Pattern.compile("phone (\\d+) (type|label)");
    private static final Pattern PHONE_VALUE = Pattern.compile("phone (\\d+) value");

    private HeaderNames() {
    }

    static String normalize(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ").strip();
    }

    /** The field a (normalized) header names, phones excepted: see {@link #isPhone}. */
    static Optional<MappedField> fieldOf(String normalized) {
        if (EMAIL.matcher(normalized).matches()) {
            return Optional.of(MappedField.EMAIL);
        }
        return Optional.ofNullable(SYNONYMS.get(normalized));
    }

    static boolean isPhone(String normalized) {
        return PHONE.matcher(normalized).matches();
    }

    static boolean saysMobile(String text) {
        String normalized = normalize(text);
        return normalized.contains("mobile") || normalized.contains("cell") || normalized.contains("whatsapp");
    }

    /** The N of Google's "Phone N - Type" / "Phone N - Label" columns, which say what "Phone N - Value" is. */
    static Optional<String> phoneTypeNumber(String normalized) {
        return group(PHONE_TYPE.matcher(normalized));
    }

    static Optional<String> phoneValueNumber(String normalized) {
        return group(PHONE_VALUE.matcher(normalized));
    }

    private static Optional<String> group(Matcher matcher) {
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
