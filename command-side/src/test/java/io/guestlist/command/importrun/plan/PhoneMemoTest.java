package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.plan.RowReading.PhoneCell;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batches take from the memo what the survey read, exactly as they would have read it, and it stays bounded. */
class PhoneMemoTest {

    @Test
    void aCellTheSurveyRead_isTakenFromTheMemo_asItWouldBeRead() {
        PhoneMemo survey = new PhoneMemo(10);
        survey.read("98111 22233", null, "IN");
        survey.read("12345", null, "IN");

        PhoneMemo batches = survey.readOnly();
        PhoneCell valid = batches.read(new String("98111 22233"), null, "IN");
        PhoneCell invalid = batches.read(new String("12345"), null, "IN");

        assertThat(batches.misses()).isZero();
        assertThat(valid).isEqualTo(PhoneCell.read("98111 22233", null, "IN"));
        assertThat(valid.phone().e164()).isEqualTo("+919811122233");
        assertThat(valid.phone().mobile()).isTrue();
        assertThat(invalid).isEqualTo(PhoneCell.read("12345", null, "IN"));
        assertThat(invalid.phone().isValid()).isFalse();
    }

    @Test
    void anotherCountryOrDefaultRegion_isAMiss_andReadForItself() {
        PhoneMemo survey = new PhoneMemo(10);
        survey.read("020 7946 0958", null, "IN");

        PhoneMemo batches = survey.readOnly();
        PhoneCell underGb = batches.read("020 7946 0958", "GB", "IN");
        PhoneCell gbDefault = batches.read("020 7946 0958", null, "GB");

        assertThat(batches.misses()).isEqualTo(2);
        assertThat(underGb).isEqualTo(PhoneCell.read("020 7946 0958", "GB", "IN"));
        assertThat(underGb.phone().e164()).isEqualTo("+442079460958");
        assertThat(gbDefault).isEqualTo(underGb);
        assertThat(survey.size()).isEqualTo(1);
    }

    @Test
    void itRemembersNoMoreThanItsCapacity_andWhatItCannotHoldIsReadAgain() {
        PhoneMemo survey = new PhoneMemo(2);
        List<String> cells = List.of("98111 22233", "98111 22234", "98111 22235");
        cells.forEach(cell -> survey.read(cell, null, "IN"));

        PhoneMemo batches = survey.readOnly();
        cells.forEach(cell -> assertThat(batches.read(cell, null, "IN")).isEqualTo(PhoneCell.read(cell, null, "IN")));

        assertThat(survey.size()).isEqualTo(2);
        assertThat(batches.misses()).isEqualTo(1);
        batches.read("98111 22236", null, "IN");
        assertThat(survey.size()).as("the batches add nothing").isEqualTo(2);
    }

    @Test
    void aCellWithSeveralNumbers_isNotRemembered_butReadTheSame() {
        PhoneMemo survey = new PhoneMemo(10);
        String cell = "98111 22233 / 98111 22234";
        PhoneCell read = survey.read(cell, null, "IN");

        assertThat(survey.size()).isZero();
        assertThat(read).isEqualTo(PhoneCell.read(cell, null, "IN"));
        assertThat(read.extraPhones()).isEqualTo("98111 22234");
        assertThat(survey.readOnly().read(cell, null, "IN")).isEqualTo(read);
    }

    @Test
    void everyOracleNumber_readsTheSameThroughTheMemo() throws IOException {
        List<String[]> rows = Files.readAllLines(Corpora.file("libphonenumber-derived-oracle/results-summary.tsv"), StandardCharsets.UTF_8)
                .stream().skip(1).map(line -> line.split("\t", -1)).toList();
        PhoneMemo survey = new PhoneMemo(rows.size());
        rows.forEach(row -> survey.read(row[0], null, row[1]));
        PhoneMemo batches = survey.readOnly();

        List<String> disagreements = new ArrayList<>();
        for (String[] row : rows) {
            PhoneCell remembered = batches.read(row[0], null, row[1]);
            PhoneCell read = PhoneCell.read(row[0], null, row[1]);
            if (!remembered.equals(read)) {
                disagreements.add(row[0] + "|" + row[1] + ": " + remembered + " != " + read);
            }
        }
        assertThat(rows).hasSizeGreaterThan(1200);
        assertThat(survey.size()).as("nearly every number is remembered").isGreaterThan(rows.size() * 9 / 10);
        assertThat(disagreements).isEmpty();
    }
}
