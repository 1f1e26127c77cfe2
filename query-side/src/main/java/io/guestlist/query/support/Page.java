package io.guestlist.query.support;

import java.util.List;

/**
 * A page of a list, as every list of the API answers: {@code {"items", "page", "size", "total", "next"}}.
 * {@code next}, where a list offers it, is the {@link Cursor} of the following page (null on the last).
 */
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The page size asked for, kept within bounds. */
    public static int size(Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }

    public static int page(Integer requested) {
        return requested == null ? 0 : Math.max(0, requested);
    }
}
