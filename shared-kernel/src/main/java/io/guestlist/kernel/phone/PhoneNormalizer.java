package io.guestlist.kernel.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import com.google.i18n.phonenumbers.PhoneNumberMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads phone text with libphonenumber the one way the whole service uses (SPEC §2.4): with the
 * row's country when given, else the workspace's default region; valid only if
 * {@code isValidNumber} says so (asked as {@code getNumberType}, see {@link #parse}).
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNormalizer() {
    }

    /** @return the phone, or empty when there is no phone text at all */
    public static Optional<Phone> parse(String raw, String country, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = regionOf(country).orElse(regionOf(defaultRegion).orElse("ZZ"));
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, region);
            // isValidNumber is getNumberType(number) != UNKNOWN plus a check that the region libphonenumber finds for
            // the number always passes; asking for the type once does the costly part (the region's patterns) once.
            // PhoneNormalizerValidityTest holds the two equal.
            PhoneNumberType type = UTIL.getNumberType(number);
            if (type == PhoneNumberType.UNKNOWN) {
                return Optional.of(Phone.invalid(raw, UTIL.isPossibleNumber(number) ? "INVALID_NUMBER" : "NOT_POSSIBLE_NUMBER"));
            }
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return Optional.of(Phone.valid(raw, UTIL.format(number, PhoneNumberFormat.E164), mobile));
        } catch (NumberParseException e) {
            return Optional.of(Phone.invalid(raw, e.getErrorType().name()));
        }
    }

    /**
     * Every valid number libphonenumber finds in the text ({@code findNumbers}), in order: a cell may hold
     * several ("98111 22233 / 98111 22234").
     */
    public static List<Phone> findAll(String raw, String country, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String region = regionOf(country).orElse(regionOf(defaultRegion).orElse("ZZ"));
        List<Phone> found = new ArrayList<>();
        for (PhoneNumberMatch match : UTIL.findNumbers(raw, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            PhoneNumberType type = UTIL.getNumberType(match.number());
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            found.add(Phone.valid(match.rawString(), UTIL.format(match.number(), PhoneNumberFormat.E164), mobile));
        }
        return found;
    }

    /** The E.164 form of a valid number, for lookups ("find a person by phone in any format"). */
    public static Optional<String> e164(String raw, String defaultRegion) {
        return parse(raw, null, defaultRegion).map(Phone::e164);
    }

    /** A supported ISO 3166 alpha-2 region, upper-cased; empty for blank or unknown input. */
    public static Optional<String> regionOf(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String region = country.trim().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(region) ? Optional.of(region) : Optional.empty();
    }
}
