package io.guestlist.command.importrun.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One input row as read, before any domain decision.
 *
 * <p>{@code raw} keeps every original value keyed by its header (CSV), property (vCard) or key (JSON),
 * in input order, so nothing the host sent is lost (SPEC §2.5); the typed fields are what the mapping
 * extracted from it, {@code null} (or an empty list) when absent. {@code phone} is the chosen number
 * and {@code otherPhones} the rest, in input order.
 *
 * @param rowNumber 1-based over data rows (the header is not a row; a blank line after it is one)
 */
public record RawRow(
        int rowNumber,
        Map<String, String> raw,
        String name,
        String phone,
        List<String> otherPhones,
        String country,
        String household,
        String side,
        List<String> tags,
        String email,
        String notes) {

    public RawRow {
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        otherPhones = List.copyOf(otherPhones);
        tags = List.copyOf(tags);
    }
}
