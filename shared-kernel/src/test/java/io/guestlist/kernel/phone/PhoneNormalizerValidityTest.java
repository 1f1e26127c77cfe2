package io.guestlist.kernel.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PhoneNormalizer} asks libphonenumber for a number's type instead of calling {@code isValidNumber} and
 * then the type (SPEC §2.4 names {@code isValidNumber}): the two must call the same numbers valid. Checked on
 * the oracle's inputs and, for every region, on its example number of every type, that number with a digit
 * changed, added or dropped, in national and international form (which covers the calling codes several
 * regions share, such as +1 and +44).
 */
class PhoneNormalizerValidityTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void theNormalizerCallsValidExactlyTheNumbersIsValidNumberCallsValid() throws IOException {
        List<String[]> cases = new ArrayList<>();
        Files.readAllLines(Corpora.file("libphonenumber-derived-oracle/results-summary.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t", -1)).forEach(cells -> cases.add(new String[]{cells[0], cells[1]}));
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (String national : variants(String.valueOf(example.getNationalNumber()))) {
                    cases.add(new String[]{national, region});
                    cases.add(new String[]{"+" + example.getCountryCode() + national, "ZZ"});
                }
            }
        }

        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (String[] c : cases) {
            Phonenumber.PhoneNumber number;
            try {
                number = UTIL.parse(c[0], c[1]);
            } catch (NumberParseException e) {
                continue;
            }
            boolean expected = UTIL.isValidNumber(number);
            Phone phone = PhoneNormalizer.parse(c[0], null, c[1]).orElseThrow();
            valid += expected ? 1 : 0;
            if (phone.isValid() != expected || (expected && !phone.e164().equals(UTIL.format(number, PhoneNumberFormat.E164)))) {
                disagreements.add(c[0] + "|" + c[1] + ": isValidNumber " + expected + ", normalizer " + phone);
            }
        }
        assertThat(valid).isGreaterThan(2_000);
        assertThat(cases.size() - valid).isGreaterThan(2_000);
        assertThat(disagreements).isEmpty();
    }

    private static List<String> variants(String digits) {
        String last = String.valueOf((char) ('0' + (digits.charAt(digits.length() - 1) - '0' + 1) % 10));
        return List.of(digits, digits.substring(0, digits.length() - 1) + last, digits + "1", digits.substring(0, digits.length() - 1));
    }
}
