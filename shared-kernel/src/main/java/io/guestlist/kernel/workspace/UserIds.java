package io.guestlist.kernel.workspace;

/**
 * What a user id (a token's {@code sub}, a member's {@code userId}) may be: it is stored in
 * {@code varchar(255)} columns and PostgreSQL text, so it must be short and free of control characters.
 */
public final class UserIds {

    public static final int MAX_LENGTH = 200;
    public static final String RULE = "a user id is 1 to " + MAX_LENGTH + " printable characters, not blank";

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && !userId.isBlank() && userId.length() <= MAX_LENGTH
                && userId.chars().noneMatch(Character::isISOControl);
    }
}
