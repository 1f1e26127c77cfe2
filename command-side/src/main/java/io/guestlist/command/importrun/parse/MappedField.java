package io.guestlist.command.importrun.parse;

import java.util.Arrays;
import java.util.Optional;

/** The fields an import row is mapped onto, by the names a {@link ColumnMapping} uses. */
public enum MappedField {
    NAME("name"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    PHONE("phone"),
    COUNTRY("country"),
    HOUSEHOLD("household"),
    SIDE("side"),
    TAGS("tags"),
    EMAIL("email"),
    NOTES("notes");

    private final String key;

    MappedField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<MappedField> ofKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
