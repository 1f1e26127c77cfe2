package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.plan.RowReading.PhoneCell;
import io.guestlist.kernel.phone.Phone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The phone cells one pass of a run has read, so that its batches do not normalise again what its household
 * survey read before them (libphonenumber is a fifth of the import worker's time). Only an optimisation: a
 * pass without it (a run resumed after a crash, elsewhere) reads every cell itself, to the same result,
 * since a cell's reading depends on its text, the row's country and the default region alone.
 * <p>
 * Bounded: it remembers at most {@code capacity} cells, each as one number (an E.164 number and whether it
 * is mobile, or an invalid number's reason), not as a {@link Phone}. A cell that held several numbers is not
 * remembered. One pass's thread uses it; it is not thread-safe.
 */
public final class PhoneMemo {

    /** Remembers nothing: every cell is read afresh. */
    public static final PhoneMemo NONE = new PhoneMemo(Map.of(), List.of(), 0);

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{0,17}");
    private static final int MAX_REASONS = 32;

    private record Key(String raw, String country, String defaultRegion) {
    }

    private final Map<Key, Long> cells;
    /** The reasons of the invalid numbers remembered (a handful of parser codes), by their index in a value. */
    private final List<String> reasons;
    private final int room;
    /** The cells this view has had to read with libphonenumber. */
    private int misses;

    public PhoneMemo(int capacity) {
        this(new HashMap<>(), new ArrayList<>(), capacity);
    }

    private PhoneMemo(Map<Key, Long> cells, List<String> reasons, int room) {
        this.cells = cells;
        this.reasons = reasons;
        this.room = room;
    }

    /** The same memo for the batches: they read what the survey remembered, and add nothing of their own. */
    public PhoneMemo readOnly() {
        return new PhoneMemo(cells, reasons, 0);
    }

    /** The cell as {@link PhoneCell#read} reads it: remembered, else read and remembered while there is room. */
    PhoneCell read(String raw, String country, String defaultRegion) {
        if (this == NONE) {
            return PhoneCell.read(raw, country, defaultRegion); // shared by every thread: keeps no count either
        }
        if (raw == null || raw.isBlank()) {
            return PhoneCell.BLANK;
        }
        Key key = new Key(raw, country, defaultRegion);
        Long known = cells.get(key);
        if (known != null) {
            return decode(raw, known);
        }
        misses++;
        PhoneCell cell = PhoneCell.read(raw, country, defaultRegion);
        if (cells.size() < room) {
            Long value = encode(cell);
            // kept only if it gives back exactly what was read
            if (value != null && decode(raw, value).equals(cell)) {
                cells.put(key, value);
            }
        }
        return cell;
    }

    int size() {
        return cells.size();
    }

    int misses() {
        return misses;
    }

    /** A valid number as its E.164 digits, shifted left, plus 1 if mobile; an invalid one as -(1 + its reason). */
    private Long encode(PhoneCell cell) {
        Phone phone = cell.phone();
        if (phone == null || cell.extraPhones() != null) {
            return null;
        }
        if (!phone.isValid()) {
            if (!reasons.contains(phone.reason())) {
                if (reasons.size() >= MAX_REASONS) {
                    return null;
                }
                reasons.add(phone.reason());
            }
            return -1L - reasons.indexOf(phone.reason());
        }
        String e164 = phone.e164();
        if (!E164.matcher(e164).matches()) {
            return null;
        }
        return Long.parseLong(e164.substring(1)) << 1 | (phone.mobile() ? 1 : 0);
    }

    private PhoneCell decode(String raw, long value) {
        if (value < 0) {
            return new PhoneCell(Phone.invalid(raw, reasons.get((int) (-1L - value))), null);
        }
        return new PhoneCell(Phone.valid(raw, "+" + (value >>> 1), (value & 1) == 1), null);
    }
}
