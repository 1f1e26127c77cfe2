package io.guestlist.kernel.phone;

import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PhoneNormalizer} against the libphonenumber-derived oracle (corpora
 * {@code libphonenumber-derived-oracle/results-summary.tsv}: input, default region, E.164 or error, ext,
 * valid, ...), computed with libphonenumber 8.13.52 on real metadata. Every number the oracle calls valid
 * must normalize to the same E.164 under its region, and no number it calls invalid may become valid.
 * The project's libphonenumber 9.0.43 agrees with the oracle on every row; a future metadata change that
 * breaks this is a real change in which guests are inviteable, to be looked at, not excluded silently.
 */
class PhoneNormalizerOracleTest {

    private static final String ORACLE = "libphonenumber-derived-oracle/results-summary.tsv";

    @Test
    void everyValidOracleNumber_normalizesToTheSameE164() throws IOException {
        List<String> disagreements = new ArrayList<>();
        List<OracleRow> valid = rows().stream().filter(OracleRow::valid).toList();
        for (OracleRow row : valid) {
            Optional<Phone> phone = PhoneNormalizer.parse(row.input(), null, row.region());
            String e164 = phone.map(Phone::e164).orElse(null);
            if (!row.result().equals(e164)) {
                disagreements.add(row.key() + " -> expected " + row.result() + ", got "
                        + phone.map(p -> p.isValid() ? p.e164() : "invalid " + p.reason()).orElse("no phone"));
            }
        }
        assertThat(valid).hasSizeGreaterThan(700);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void noInvalidOracleNumber_becomesValid() throws IOException {
        List<String> disagreements = new ArrayList<>();
        List<OracleRow> invalid = rows().stream().filter(row -> !row.valid()).toList();
        for (OracleRow row : invalid) {
            Optional<Phone> phone = PhoneNormalizer.parse(row.input(), null, row.region());
            if (phone.isPresent() && phone.get().isValid()) {
                disagreements.add(row.key() + " -> " + phone.get().e164());
            }
        }
        assertThat(invalid).hasSizeGreaterThan(500);
        assertThat(disagreements).isEmpty();
    }

    private record OracleRow(String input, String region, String result, boolean valid) {

        String key() {
            return input + "|" + region;
        }
    }

    private static List<OracleRow> rows() throws IOException {
        List<String> lines = Files.readAllLines(Corpora.file(ORACLE), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("input\tdefault_region\tresult");
        return lines.stream().skip(1).map(line -> line.split("\t", -1))
                .map(cells -> new OracleRow(cells[0], cells[1], cells[2], cells[4].equals("True")))
                .toList();
    }
}
