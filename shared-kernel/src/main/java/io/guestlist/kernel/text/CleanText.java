package io.guestlist.kernel.text;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;

import java.util.Collection;
import java.util.Map;

/**
 * The one check of text that enters a command, and the one cleaning of text that enters an import row.
 * PostgreSQL text cannot hold NUL, so a NUL stored in an event would stop every projection that meets
 * it; the other C0/C1 control characters and unpaired surrogates are refused with it, as no name or
 * label means them. Tab and line breaks are allowed only in multi-line fields (notes).
 *
 * <p>Commands call the {@code require…} methods from their constructors: bad text is a 400 naming the
 * field before any event exists. Import rows call {@link #strip} and carry a warning instead, so one
 * bad cell does not refuse a whole file. {@code null} passes: whether a value is required is the
 * aggregate's decision.
 */
public final class CleanText {

    private CleanText() {
    }

    /** A single-line value: no control character at all. */
    public static String require(String field, String value) {
        return check(field, value, false);
    }

    /** A single-line value of at most {@code maxLength} characters, for text no aggregate checks further. */
    public static String require(String field, String value, int maxLength) {
        require(field, value);
        if (value != null && value.length() > maxLength) {
            throw new GuestlistException(ErrorCode.VALIDATION, field + " is " + value.length() + " characters long; at most "
                    + maxLength + " are allowed.", Map.of("field", field, "maxLength", maxLength));
        }
        return value;
    }

    /** A multi-line value: tab, line feed and carriage return are allowed. */
    public static String requireMultiline(String field, String value) {
        return check(field, value, true);
    }

    /** Every value single-line, and at most {@code maxCount} of them. */
    public static <C extends Collection<String>> C requireAll(String field, C values, int maxCount) {
        if (values == null) {
            return null;
        }
        if (values.size() > maxCount) {
            throw new GuestlistException(ErrorCode.VALIDATION, field + " has " + values.size() + " values; at most "
                    + maxCount + " are allowed.", Map.of("field", field, "maxCount", maxCount));
        }
        values.forEach(value -> require(field, value));
        return values;
    }

    /** Whether the value holds nothing {@link #require} would refuse (multi-line: nothing {@link #requireMultiline} would). */
    public static boolean isClean(String value, boolean multiline) {
        return value == null || firstBadIndex(value, multiline) < 0;
    }

    /**
     * The value without what {@link #isClean} refuses: control characters and unpaired surrogates removed,
     * except that in a single-line value tab and line breaks become a space, so words stay apart.
     */
    public static String strip(String value, boolean multiline) {
        if (isClean(value, multiline)) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (pairedAt(value, i)) {
                    clean.append(c).append(value.charAt(++i));
                }
            } else if (!Character.isISOControl(c) || (multiline && isLineSpace(c))) {
                clean.append(c);
            } else if (isLineSpace(c)) {
                clean.append(' ');
            }
        }
        return clean.toString();
    }

    private static String check(String field, String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        int bad = firstBadIndex(value, multiline);
        if (bad >= 0) {
            String what = Character.isSurrogate(value.charAt(bad)) ? "an unpaired surrogate"
                    : "a control character (U+%04X)".formatted((int) value.charAt(bad));
            throw new GuestlistException(ErrorCode.VALIDATION, field + " contains " + what + " at index " + bad
                    + (multiline ? "; only tab and line breaks are allowed." : "; control characters are not allowed."),
                    Map.of("field", field));
        }
        return value;
    }

    private static int firstBadIndex(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!pairedAt(value, i)) {
                    return i;
                }
                i++;
            } else if (Character.isISOControl(c) && !(multiline && isLineSpace(c))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean pairedAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    private static boolean isLineSpace(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }
}
