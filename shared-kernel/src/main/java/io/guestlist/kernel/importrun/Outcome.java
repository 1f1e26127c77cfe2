package io.guestlist.kernel.importrun;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What happened to one import row: exactly one per row (SPEC §4.2). Named in the API in lower case. */
public enum Outcome {
    SKIPPED_NO_PHONE, WARNING_MALFORMED_PHONE, CREATED, REACTIVATED, UPDATED, UNCHANGED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether the row put a person with a valid phone into an active unit. */
    public boolean placesPerson() {
        return this == CREATED || this == REACTIVATED || this == UPDATED || this == UNCHANGED;
    }
}
