package io.guestlist.command.importrun.plan;

import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.parse.RawRow;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An import row never refuses a file for a control character: it is stripped, and the row says so. */
class RowCleaningTest {

    private static final WorkspaceSettings WORKSPACE = new WorkspaceSettings("IN", List.of("Bride", "Groom"));

    private static RawRow row(Map<String, String> raw, String name, List<String> tags, String notes) {
        return new RawRow(1, raw, name, "+919811122233", List.of(), null, name, "Bride", tags, null, notes);
    }

    @Test
    void aRowWithNul_isStrippedEverywhere_andWarned() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("na\u0000me", "Asha\u0000Sharma");
        raw.put("notes", "line one\u0000\r\nline two");
        RowReading reading = RowReading.of(row(raw, "Asha\u0000Sharma", List.of("fam\u0000ily"), "line one\u0000\r\nline two"), WORKSPACE, PhoneMemo.NONE);

        assertThat(reading.warnings()).containsExactly(RowCleaning.CONTROL_CHARACTERS_REMOVED);
        assertThat(reading.row().raw()).containsExactly(Map.entry("name", "AshaSharma"), Map.entry("notes", "line one\r\nline two"));
        assertThat(reading.parsed().name()).isEqualTo("AshaSharma");
        assertThat(reading.parsed().household()).isEqualTo("AshaSharma");
        assertThat(reading.tags()).containsExactly("family");
        assertThat(reading.parsed().notes()).isEqualTo("line one\r\nline two");
    }

    @Test
    void aLineBreakInASingleLineField_becomesASpace() {
        RawRow cleaned = RowCleaning.clean(row(Map.of("name", "Asha\nSharma"), "Asha\nSharma", List.of(), null));

        assertThat(cleaned.name()).isEqualTo("Asha Sharma");
        assertThat(cleaned.raw()).containsEntry("name", "Asha\nSharma");
    }

    @Test
    void aCleanRow_isTheSameRow_withoutAWarning() {
        RawRow clean = row(Map.of("name", "आशा 😀 \u202eSharma"), "आशा 😀 \u202eSharma", List.of("family"), "two\nlines");

        assertThat(RowCleaning.clean(clean)).isSameAs(clean);
        assertThat(RowReading.of(clean, WORKSPACE, PhoneMemo.NONE).warnings()).isEmpty();
    }

    @Test
    void aRowWithMoreThan50Tags_keepsTheFirst50_andWarns() {
        List<String> tags = IntStream.range(0, 60).mapToObj(i -> "tag-" + i).toList();

        RowReading reading = RowReading.of(row(Map.of("name", "Asha"), "Asha", tags, null), WORKSPACE, PhoneMemo.NONE);

        assertThat(reading.tags()).hasSize(50).containsExactlyElementsOf(tags.subList(0, 50));
        assertThat(reading.warnings()).containsExactly(RowReading.TOO_MANY_TAGS);
    }
}
