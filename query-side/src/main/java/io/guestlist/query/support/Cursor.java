package io.guestlist.query.support;

import io.guestlist.kernel.error.GuestlistException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A place in a list sorted by name: the last row's {@code lower(name)}, as the database computed it,
 * and its id. Given back as {@code ?cursor=}, the next page starts right after that row, by an index
 * range (keyset pagination), however deep in the list it is; {@code page} would make the database
 * walk past every row before it.
 */
public record Cursor(String sortName, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The cursor a client sent, or null for none; one this service did not give is a 400. */
    public static Cursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int split = decoded.lastIndexOf('\n');
            return new Cursor(decoded.substring(0, split), UUID.fromString(decoded.substring(split + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw GuestlistException.invalid("cursor is not one this service gave; use the 'next' of a page.");
        }
    }

    public String encode() {
        return ENCODER.encodeToString((sortName + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor after a full page's last row, or null when the page is the last. */
    public static <T> String next(List<T> rows, int size, Function<T, Cursor> cursorOf) {
        return rows.size() < size ? null : cursorOf.apply(rows.get(rows.size() - 1)).encode();
    }
}
