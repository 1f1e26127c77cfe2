package io.guestlist.kernel.meta;

/**
 * The metadata keys every command carries and every domain event inherits (SPEC §2.6):
 * who acted and which request or import run the change belongs to.
 */
public final class Attribution {
    public static final String MEMBER_ID = "memberId";
    public static final String CORRELATION_ID = "correlationId";

    private Attribution() {
    }
}
