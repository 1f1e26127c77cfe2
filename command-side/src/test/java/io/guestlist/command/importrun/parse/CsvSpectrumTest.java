package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * csv-spectrum: each {@code csvs/X.csv} reads to the records of {@code json/X.json}, value for value.
 * One upstream expectation is itself wrong: {@code location_coordinates.json} is a bare object (not an
 * array) whose "Contact Phone Number" is 1234567890 while the CSV holds 2095257564; that one value is
 * checked against the CSV, every other one against the JSON.
 */
class CsvSpectrumTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, String>> UPSTREAM_JSON_ERRATA =
            Map.of("location_coordinates", Map.of("Contact Phone Number", "2095257564"));

    static Stream<String> cases() {
        List<Path> csvs = Corpora.files(path -> path.startsWith("csv-spectrum/csvs/") && path.endsWith(".csv"));
        assertThat(csvs).hasSizeGreaterThanOrEqualTo(12);
        return csvs.stream().map(file -> file.getFileName().toString().replace(".csv", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rawValuesPerHeader_equalTheExpectedJson(String name) throws IOException {
        List<Map<String, String>> expected = expectedRecords(name);

        List<RawRow> rows = Rows.file(Channel.CSV, Corpora.file("csv-spectrum/csvs/" + name + ".csv"));

        assertThat(rows).extracting(RawRow::raw).containsExactlyElementsOf(expected);
        assertThat(rows).extracting(RawRow::rowNumber)
                .containsExactlyElementsOf(Stream.iterate(1, n -> n + 1).limit(expected.size()).toList());
    }

    private static List<Map<String, String>> expectedRecords(String name) throws IOException {
        JsonNode json = JSON.readTree(Corpora.file("csv-spectrum/json/" + name + ".json").toFile());
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode record : json.isArray() ? json : List.of(json)) {
            Map<String, String> values = new LinkedHashMap<>(JSON.convertValue(record, new TypeReference<Map<String, String>>() {
            }));
            values.putAll(UPSTREAM_JSON_ERRATA.getOrDefault(name, Map.of()));
            records.add(values);
        }
        return records;
    }
}
