package io.guestlist.command.importrun.parse;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one CSV record into a {@link RawRow}: every cell under its header (cells past the header under
 * "column N"), and the typed fields from {@link CsvColumns}. Among several phone columns a mobile one
 * wins (its header, or Google's "Phone N - Type", says Mobile), else the first non-empty; a Google cell
 * holding several numbers joined by " ::: " gives its first.
 */
final class CsvRowMapper {

    private static final String GOOGLE_MULTI_VALUE = ":::";

    private final CsvColumns columns;

    CsvRowMapper(CsvColumns columns) {
        this.columns = columns;
    }

    RawRow toRow(int rowNumber, CSVRecord record) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String header = i < columns.headers().size() ? columns.headers().get(i) : "column " + (i + 1);
            raw.put(header, record.get(i));
        }
        List<String> phones = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (PhoneColumn column : columns.phones()) {
            List<String> numbers = numbersIn(cell(record, column.index()));
            phones.addAll(numbers);
            if (column.labelledMobile() || typeSaysMobile(record, column)) {
                mobiles.addAll(numbers);
            }
        }
        String phone = !mobiles.isEmpty() ? mobiles.get(0) : phones.isEmpty() ? null : phones.get(0);
        List<String> otherPhones = new ArrayList<>(phones);
        otherPhones.remove(phone);
        return new RawRow(rowNumber, raw, name(record), phone, otherPhones,
                field(record, MappedField.COUNTRY), field(record, MappedField.HOUSEHOLD), field(record, MappedField.SIDE),
                TagSplitter.split(field(record, MappedField.TAGS)), field(record, MappedField.EMAIL),
                field(record, MappedField.NOTES));
    }

    /** The name column, else first and last name joined, per row: exports often fill only one of them. */
    private String name(CSVRecord record) {
        String name = field(record, MappedField.NAME);
        if (name != null) {
            return name;
        }
        String joined = Stream.of(field(record, MappedField.FIRST_NAME), field(record, MappedField.LAST_NAME))
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private String field(CSVRecord record, MappedField field) {
        return columns.indexOf(field).map(index -> cell(record, index)).orElse(null);
    }

    private boolean typeSaysMobile(CSVRecord record, PhoneColumn column) {
        String type = column.typeIndex() < 0 ? null : cell(record, column.typeIndex());
        return type != null && HeaderNames.saysMobile(type);
    }

    private static List<String> numbersIn(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Stream.of(cell.split(GOOGLE_MULTI_VALUE)).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** A cell's trimmed text, or {@code null} when it is blank or missing from a short row. */
    private static String cell(CSVRecord record, int index) {
        if (index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
