package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.importrun.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How a CSV file is read: delimiter, charset, BOM, line ends and the header row. */
class CsvDialectTest {

    @ParameterizedTest(name = "delimiter [{0}]")
    @ValueSource(strings = {",", ";", "\t", "|"})
    void delimiter_isDetected(String delimiter) {
        String csv = String.join(delimiter, "Name", "Phone", "Tags") + "\n"
                + String.join(delimiter, "Asha Rao", "98123 45678", "\"college, vip\"") + "\n"
                + String.join(delimiter, "Ravi Rao", "98123 45679", "family") + "\n";

        List<RawRow> rows = Rows.csv(csv);

        assertThat(rows).extracting(RawRow::name).containsExactly("Asha Rao", "Ravi Rao");
        assertThat(rows.get(0).raw()).containsExactly(
                Map.entry("Name", "Asha Rao"), Map.entry("Phone", "98123 45678"), Map.entry("Tags", "college, vip"));
    }

    @Test
    void delimiter_semicolonWinsOverDecimalCommas() {
        List<RawRow> rows = Rows.csv("Name;Phone;Amount\nAsha;9812345678;3000,00\nRavi;9812345679;12,50\n");

        assertThat(rows.get(0).raw()).containsEntry("Amount", "3000,00").containsEntry("Phone", "9812345678");
    }

    @Test
    void excelSeparatorLine_decidesTheDelimiter_andIsNotTheHeader() {
        List<RawRow> rows = Rows.csv("sep=;\r\nName;Notes\r\nAsha;a, b, c, d\r\n");

        assertThat(rows.get(0).raw()).containsExactly(Map.entry("Name", "Asha"), Map.entry("Notes", "a, b, c, d"));
    }

    @Test
    void windows1252_isTheFallbackWhenTheBytesAreNotUtf8() {
        List<RawRow> rows = Rows.csv("name,phone\nJosé Núñez,9812345678\n", Charset.forName("windows-1252"));

        assertThat(rows.get(0).name()).isEqualTo("José Núñez");
    }

    @Test
    void windows1252_readsItsOwnPunctuation() {
        List<RawRow> rows = Rows.csv("name,notes\nAsha,“smart” quotes – and €\n", Charset.forName("windows-1252"));

        assertThat(rows.get(0).notes()).isEqualTo("“smart” quotes – and €");
    }

    @Test
    void utf8_withBom_losesTheBomAndKeepsTheText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<RawRow> rows = read(concat(bom, "name,phone\nJosé,9812345678\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(rows.get(0).raw()).containsOnlyKeys("name", "phone");
        assertThat(rows.get(0).name()).isEqualTo("José");
    }

    @Test
    void utf16_littleAndBigEndian_withBom() {
        String csv = "name,phone\nसीता देवी,9812345678\n";
        byte[] le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, csv.getBytes(StandardCharsets.UTF_16BE));

        assertThat(read(le)).extracting(RawRow::name, RawRow::phone).containsExactly(
                tuple("सीता देवी", "9812345678"));
        assertThat(read(be)).extracting(RawRow::name).containsExactly("सीता देवी");
    }

    @Test
    void quotedFields_keepDelimitersQuotesAndLineBreaks() {
        List<RawRow> rows = Rows.csv("name,notes\r\n\"Rao, Asha\",\"said \"\"hi\"\"\r\ntwice\"\r\n");

        assertThat(rows.get(0).name()).isEqualTo("Rao, Asha");
        assertThat(rows.get(0).notes()).isEqualTo("said \"hi\"\r\ntwice");
    }

    @Test
    void header_isTheFirstNonEmptyRow_andBlankRowsAreRows_exceptAtTheEnd() {
        List<RawRow> rows = Rows.csv("\n,,\n  \nname,phone\n\nAsha,9812345678\n,\nRavi,9812345679\n\n,\n");

        assertThat(rows).extracting(RawRow::rowNumber, RawRow::name, RawRow::phone).containsExactly(
                tuple(1, null, null), tuple(2, "Asha", "9812345678"), tuple(3, null, null), tuple(4, "Ravi", "9812345679"));
    }

    @Test
    void raggedRows_keepEveryCell_andDuplicateOrEmptyHeadersStayApart() {
        List<RawRow> rows = Rows.csv("name,name,,phone\nAsha,A. Rao,x,9812345678,extra\nRavi\n");

        assertThat(rows.get(0).raw()).containsExactly(Map.entry("name", "Asha"), Map.entry("name (2)", "A. Rao"),
                Map.entry("column 3", "x"), Map.entry("phone", "9812345678"), Map.entry("column 5", "extra"));
        assertThat(rows.get(1).raw()).containsExactly(Map.entry("name", "Ravi"));
        assertThat(rows.get(1).phone()).isNull();
    }

    @Test
    void typedFields_areTrimmed_andRawValuesAreNot() {
        RawRow row = Rows.csv("name,phone,side\n  Asha  , 98123 45678 ,\n").get(0);

        assertThat(row.name()).isEqualTo("Asha");
        assertThat(row.phone()).isEqualTo("98123 45678");
        assertThat(row.side()).isNull();
        assertThat(row.raw()).containsEntry("name", "  Asha  ").containsEntry("side", "");
    }

    private static List<RawRow> read(byte[] payload) {
        return Rows.read(Channel.CSV, payload, "text/csv", null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
