package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A row typed by hand: {@code {name, phone, country?, household?, side?, tags?, email?, notes?}}, where
 * tags may be an array or one string split like a CSV tags cell. A number given as a JSON number
 * (a spreadsheet-minded client) is read as its digits.
 */
final class ManualRowMapper {

    private ManualRowMapper() {
    }

    static RawRow toRow(int rowNumber, JsonNode row) {
        List<String> tags = JsonRawValues.texts(row, "tags").stream()
                .flatMap(tag -> TagSplitter.split(tag).stream()).distinct().toList();
        List<String> phones = JsonRawValues.texts(row, "phone");
        return new RawRow(rowNumber, JsonRawValues.of(row),
                JsonRawValues.first(row, "name"),
                phones.isEmpty() ? null : phones.get(0),
                phones.isEmpty() ? List.of() : phones.subList(1, phones.size()),
                JsonRawValues.first(row, "country"),
                JsonRawValues.first(row, "household"),
                JsonRawValues.first(row, "side"),
                tags,
                JsonRawValues.first(row, "email"),
                JsonRawValues.first(row, "notes"));
    }
}
