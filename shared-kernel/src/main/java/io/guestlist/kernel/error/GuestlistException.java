package io.guestlist.kernel.error;

import java.util.Map;

/** A rejected command or query: a stable {@link ErrorCode}, a message for humans and details for machines. */
public class GuestlistException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public GuestlistException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public GuestlistException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static GuestlistException notFound(String what) {
        return new GuestlistException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static GuestlistException invalid(String message) {
        return new GuestlistException(ErrorCode.VALIDATION, message);
    }
}
