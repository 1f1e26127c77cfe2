package io.guestlist.kernel.importrun;

import java.util.List;

/**
 * What the importer read from a row: the fields it maps, the phone as normalized (or the parser's
 * reason it is not a valid number). Null where the row had nothing. {@code extraPhones}: the other numbers
 * of a phone cell that held several, comma-separated as given (the first valid mobile, else the first
 * valid number, is the phone).
 */
public record ParsedRow(String name, String phone, String rawPhone, String phoneInvalidReason, String country,
                        String household, String side, List<String> tags, String email, String notes, String extraPhones) {
}
