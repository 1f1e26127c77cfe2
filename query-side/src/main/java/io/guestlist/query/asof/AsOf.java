package io.guestlist.query.asof;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.support.InstantParam;

import java.time.Instant;

/** The {@code ?asOf=} parameter: an ISO-8601 instant, not in the future. */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String value) {
        Instant at = InstantParam.parse("asOf", value);
        if (at.isAfter(Instant.now())) {
            throw GuestlistException.invalid("asOf must not be in the future.");
        }
        return at;
    }
}
