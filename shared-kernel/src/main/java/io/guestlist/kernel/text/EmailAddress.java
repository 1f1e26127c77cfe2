package io.guestlist.kernel.text;

import java.util.regex.Pattern;

/**
 * The loose check of an email address: one {@code @} with text on both sides, a dot in the domain,
 * no spaces, at most {@link InputBounds#EMAIL} characters. Deliverability is not ours to judge; the
 * check only keeps a phone number or a name typed into the wrong column out of the field.
 */
public final class EmailAddress {

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    public static boolean isPlausible(String value) {
        return value != null && value.length() <= InputBounds.EMAIL && PLAUSIBLE.matcher(value).matches();
    }
}
