package io.guestlist.kernel.occasion;

/** How an audience's include {@code tags} match a unit: it has ANY of them, or ALL of them. */
public enum TagMatch {
    ANY, ALL
}
