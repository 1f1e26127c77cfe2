package io.guestlist.command.importrun.parse;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A host's explicit choice of columns: our field name ({@link MappedField#key()}, e.g. {@code "phone"})
 * to the header of the column that holds it. A field given here overrides header detection (its
 * synonyms are then ignored); fields left out are still detected from the header.
 */
public record ColumnMapping(Map<MappedField, String> columns) {

    public ColumnMapping {
        columns.forEach((field, header) -> {
            if (header == null || header.isBlank()) {
                throw ImportErrors.invalidMapping("The mapping for " + field.key() + " names no column.");
            }
        });
        columns = Map.copyOf(columns);
    }

    /** Builds a mapping from field names as a request gives them; an unknown field name is a 400. */
    public static ColumnMapping of(Map<String, String> byFieldName) {
        Map<MappedField, String> columns = new EnumMap<>(MappedField.class);
        byFieldName.forEach((key, header) -> columns.put(MappedField.ofKey(key).orElseThrow(
                () -> ImportErrors.invalidMapping("The mapping names an unknown field \"" + key + "\"; known fields are "
                        + Arrays.stream(MappedField.values()).map(MappedField::key).collect(Collectors.joining(", "))
                        + ".")), header));
        return new ColumnMapping(columns);
    }

    public Optional<String> headerFor(MappedField field) {
        return Optional.ofNullable(columns.get(field));
    }
}
