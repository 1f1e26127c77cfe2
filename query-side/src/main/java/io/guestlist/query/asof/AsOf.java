package io.guestlist.query.asof;

import io.guestlist.kernel.error.GuestlistException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code ?asOf=} parameter: an ISO-8601 instant, not in the future. */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String value) {
        try {
            Instant at = Instant.parse(value);
            if (at.isAfter(Instant.now())) {
                throw GuestlistException.invalid("asOf must not be in the future.");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw GuestlistException.invalid("asOf must be an ISO-8601 instant, e.g. 2026-11-26T10:00:00Z.");
        }
    }
}
