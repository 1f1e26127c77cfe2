package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.importrun.Channel;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The expected records the corpora's authors give for BOMs, 4-byte characters and line-ending variants. */
class CsvCorpusExpectationsTest {

    @Test
    void commonsCsvBom_isStrippedFromTheFirstHeader() {
        List<RawRow> rows = Rows.file(Channel.CSV, Corpora.file("apache-commons-csv/CSVFileParser/bom.csv"));

        assertThat(rows).hasSize(251).allSatisfy(row -> assertThat(row.raw().get("Date")).isNotBlank());
        assertThat(rows.get(0).raw()).containsKeys("Date", "Open", "High", "Low", "Close", "Volume");
        assertThat(rows.get(0).raw().get("Date")).isEqualTo("14-Mar-14");
    }

    @Test
    void commonsCsvEmoji_keepsEveryFourByteCharacter() {
        List<RawRow> rows = Rows.file(Channel.CSV, Corpora.file("apache-commons-csv/CSV-196/emoji.csv"));

        assertThat(rows).hasSize(4);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> raw = rows.get(i).raw();
            assertThat(raw).hasSize(16).containsEntry("id", String.valueOf(i + 1));
            for (int v = 1; v <= 15; v++) {
                assertThat(raw.get("val" + v)).isEqualTo("\uD83D\uDE04".repeat(10));
            }
        }
    }

    @Test
    void commonsCsvJapanese_keepsTheText() {
        List<RawRow> rows = Rows.file(Channel.CSV, Corpora.file("apache-commons-csv/CSV-196/japanese.csv"));

        assertThat(rows).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> raw = rows.get(i).raw();
            assertThat(raw).containsEntry("id", "0000000000000" + (i + 1))
                    .containsEntry("date", "2017-01-01")
                    .containsEntry("val1", "きちんと節分近くには咲いてる。自然の力ってすごいな～")
                    .containsEntry("val15", "v15");
        }
    }

    @Test
    void univocityEssential_readsTheSameWithLfCrlfAndCrOnlyLineEnds() {
        List<RawRow> lf = Rows.file(Channel.CSV, Corpora.file("univocity-parsers/essential.csv"));
        List<RawRow> crlf = Rows.file(Channel.CSV, Corpora.file("univocity-parsers/essential-dos.csv"));
        List<RawRow> cr = Rows.file(Channel.CSV, Corpora.file("univocity-parsers/essential-mac.csv"));

        // 16 records with data, and the 5 blank lines among them: rows too, so row numbers follow the lines
        assertThat(lf).hasSize(21);
        assertThat(lf).filteredOn(row -> row.raw().values().stream().allMatch(String::isBlank)).hasSize(5);
        assertThat(withLfLineBreaks(crlf)).isEqualTo(withLfLineBreaks(lf));
        assertThat(withLfLineBreaks(cr)).isEqualTo(withLfLineBreaks(lf));
        assertThat(withLfLineBreaks(lf)).anySatisfy(values -> assertThat(values)
                .contains("1996", "Jeep", "Grand Cherokee", "MUST SELL!\nair, moon roof, loaded", "4799.00"));
        assertThat(withLfLineBreaks(lf)).anySatisfy(values -> assertThat(values)
                .contains("1999", "Chevy", "Venture \"Extended Edition\"", "", "4900.00"));
    }

    @Test
    void univocityUk500_givesFiveHundredContactsWithNameAndPhone() {
        List<RawRow> rows = Rows.file(Channel.CSV, Corpora.file("univocity-parsers/uk-500.csv"));

        assertThat(rows).hasSize(500).allSatisfy(row -> {
            assertThat(row.name()).isNotBlank();
            assertThat(row.phone()).isNotBlank();
        });
        assertThat(rows.get(0)).extracting(RawRow::name, RawRow::phone, RawRow::otherPhones, RawRow::email)
                .containsExactly("Aleshia Tomkiewicz", "01835-703597", List.of("01944-369967"), "atomkiewicz@hotmail.com");
    }

    @Test
    void googleLegacyExports_fromRealUsers_giveNamePhoneEmailAndGroups() {
        RawRow issue817 = Rows.file(Channel.CSV,
                Corpora.file("contact-csv-headers/legacy-google-export_owncloud-issue-817.csv")).get(0);
        RawRow issue827 = Rows.file(Channel.CSV,
                Corpora.file("contact-csv-headers/legacy-google-export_owncloud-issue-827.csv")).get(0);

        assertThat(issue817).extracting(RawRow::name, RawRow::phone, RawRow::tags)
                .containsExactly("Owncloud 8 test", "444 111 5552", List.of());
        assertThat(issue827).extracting(RawRow::name, RawRow::phone, RawRow::email, RawRow::tags)
                .containsExactly("Имя Фамилия", "+7 000 000-00-00", "email@example.com", List.of("University", "School"));
    }

    private static List<List<String>> withLfLineBreaks(List<RawRow> rows) {
        return rows.stream()
                .map(row -> row.raw().values().stream().map(v -> v.replace("\r\n", "\n").replace('\r', '\n')).toList())
                .toList();
    }
}
