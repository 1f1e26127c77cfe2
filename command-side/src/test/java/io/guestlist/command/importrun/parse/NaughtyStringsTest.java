package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile names (big-list-of-naughty-strings: RTL, zero-width, emoji, formula and script injection) written
 * as a properly quoted CSV come back exactly: raw unchanged, the typed name only trimmed. Nothing is
 * sanitised here; escaping for display or spreadsheet export is the reader side's job.
 */
class NaughtyStringsTest {

    @Test
    void everyNaughtyName_roundTripsThroughTheCsvReader() throws IOException {
        List<String> names = new ObjectMapper().readValue(
                Corpora.file("big-list-of-naughty-strings/blns.json").toFile(), new TypeReference<>() {
                });
        StringBuilder csv = new StringBuilder("name,phone\r\n");
        names.forEach(name -> csv.append(quoted(name)).append(",9812345678\r\n"));

        List<RawRow> rows = Rows.csv(csv.toString());

        assertThat(rows).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            assertThat(rows.get(i).raw().get("name")).as("row %d", i + 1).isEqualTo(name);
            assertThat(rows.get(i).name()).as("row %d", i + 1).isEqualTo(name.isBlank() ? null : name.strip());
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
