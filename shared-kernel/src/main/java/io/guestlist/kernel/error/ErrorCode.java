package io.guestlist.kernel.error;

/**
 * The stable error codes of the service. The web layer turns each into a problem+json {@code type}
 * ({@code https://guestlist.io/problems/<slug>}) and an HTTP status; clients rely on both.
 */
public enum ErrorCode {
    VALIDATION("validation", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    PHONE_TAKEN("phone-taken", 409),
    STATE_CONFLICT("state-conflict", 409),
    SIDE_IN_USE("side-in-use", 409),
    CONCURRENT_MODIFICATION("concurrent-modification", 409),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    UNREADABLE_FILE("unreadable-file", 422),
    NOT_CAUGHT_UP("not-caught-up", 503),
    DATABASE_UNAVAILABLE("database-unavailable", 503);

    private final String slug;
    private final int status;

    ErrorCode(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }
}
