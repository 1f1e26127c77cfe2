package io.guestlist.command.importrun.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each field sits in a CSV file: detected from the header synonyms (which also recognise the
 * Google Contacts and Outlook export layouts as they are), with an explicit {@link ColumnMapping} winning.
 * Several columns may be phones; the row then picks one (see {@link CsvRowMapper}).
 */
record CsvColumns(List<String> headers, Map<MappedField, Integer> fields, List<PhoneColumn> phones) {

    static CsvColumns of(List<String> headers, ColumnMapping mapping) {
        List<String> normalized = headers.stream().map(HeaderNames::normalize).toList();
        Map<MappedField, Integer> fields = new EnumMap<>(MappedField.class);
        for (int i = 0; i < normalized.size(); i++) {
            int index = i;
            HeaderNames.fieldOf(normalized.get(i)).ifPresent(field -> fields.putIfAbsent(field, index));
        }
        List<PhoneColumn> phones = detectPhones(normalized);
        if (mapping != null) {
            for (Map.Entry<MappedField, String> entry : mapping.columns().entrySet()) {
                int index = indexOf(headers, normalized, entry.getValue()).orElseThrow(() -> ImportErrors.invalidMapping(
                        "The mapping puts " + entry.getKey().key() + " in column \"" + entry.getValue()
                                + "\", but the header has no such column."));
                if (entry.getKey() == MappedField.PHONE) {
                    phones = List.of(new PhoneColumn(index, false, -1));
                } else {
                    fields.put(entry.getKey(), index);
                }
            }
        }
        return new CsvColumns(List.copyOf(headers), Map.copyOf(fields), List.copyOf(phones));
    }

    Optional<Integer> indexOf(MappedField field) {
        return Optional.ofNullable(fields.get(field));
    }

    private static List<PhoneColumn> detectPhones(List<String> normalized) {
        Map<String, Integer> typeColumns = new HashMap<>();
        for (int i = 0; i < normalized.size(); i++) {
            int index = i;
            HeaderNames.phoneTypeNumber(normalized.get(i)).ifPresent(n -> typeColumns.put(n, index));
        }
        List<PhoneColumn> phones = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i++) {
            String header = normalized.get(i);
            if (HeaderNames.isPhone(header)) {
                int typeIndex = HeaderNames.phoneValueNumber(header).map(typeColumns::get).orElse(-1);
                phones.add(new PhoneColumn(i, HeaderNames.saysMobile(header), typeIndex));
            }
        }
        return phones;
    }

    private static Optional<Integer> indexOf(List<String> headers, List<String> normalized, String wanted) {
        int exact = headers.indexOf(wanted.strip());
        if (exact >= 0) {
            return Optional.of(exact);
        }
        int loose = normalized.indexOf(HeaderNames.normalize(wanted));
        return loose >= 0 ? Optional.of(loose) : Optional.empty();
    }
}
