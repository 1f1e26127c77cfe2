package io.guestlist.command;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Matches a {@link GuestlistException} by its code, its message and, optionally, some of its details. */
public final class Rejection extends TypeSafeDiagnosingMatcher<GuestlistException> {

    private final ErrorCode code;
    private final String message;
    private final Map<String, Object> details;

    private Rejection(ErrorCode code, String message, Map<String, Object> details) {
        this.code = code;
        this.message = message;
        this.details = details;
    }

    public static Rejection rejectedWith(ErrorCode code, String message) {
        return new Rejection(code, message, Map.of());
    }

    public Rejection withDetail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new Rejection(code, message, more);
    }

    @Override
    protected boolean matchesSafely(GuestlistException e, Description mismatch) {
        mismatch.appendText("was ").appendValue(e.code()).appendText(" ").appendValue(e.getMessage())
                .appendText(" with details ").appendValue(e.details());
        return e.code() == code && Objects.equals(e.getMessage(), message)
                && details.entrySet().stream().allMatch(d -> Objects.equals(e.details().get(d.getKey()), d.getValue()));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a GuestlistException ").appendValue(code).appendText(" ").appendValue(message);
        if (!details.isEmpty()) {
            description.appendText(" with details ").appendValue(details);
        }
    }
}
