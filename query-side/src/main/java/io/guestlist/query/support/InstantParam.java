package io.guestlist.query.support;

import io.guestlist.kernel.error.GuestlistException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 instant given as a query parameter. Java reads instants a billion years either way,
 * which PostgreSQL's timestamps cannot hold, so only the years 1 to 9999 are accepted.
 */
public final class InstantParam {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InstantParam() {
    }

    /** The instant, or null when the parameter is absent. */
    public static Instant parse(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw invalid(name);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
    }

    private static GuestlistException invalid(String name) {
        return GuestlistException.invalid(name + " must be an ISO-8601 instant between the years 1 and 9999, e.g. 2026-11-26T10:00:00Z.");
    }
}
