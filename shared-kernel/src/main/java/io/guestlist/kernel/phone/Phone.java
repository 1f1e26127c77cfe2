package io.guestlist.kernel.phone;

/**
 * A phone as a guest gave it: the raw text always, and either its E.164 form (valid) or the
 * parser's reason (invalid, SPEC §2.4: never normalized, never an identity, never an invite target).
 *
 * @param raw     the text as entered, never altered
 * @param e164    the normalized number, or {@code null} when the number is not valid
 * @param reason  why the number is not valid, or {@code null} when it is
 * @param mobile  whether libphonenumber classes a valid number as mobile (or fixed-line-or-mobile)
 */
public record Phone(String raw, String e164, String reason, boolean mobile) {

    public Phone {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a phone needs its raw text");
        }
        if ((e164 == null) == (reason == null)) {
            throw new IllegalArgumentException("a phone is either valid (E.164) or invalid (with a reason)");
        }
    }

    public static Phone valid(String raw, String e164, boolean mobile) {
        return new Phone(raw, e164, null, mobile);
    }

    public static Phone invalid(String raw, String reason) {
        return new Phone(raw, null, reason, false);
    }

    public boolean isValid() {
        return e164 != null;
    }
}
