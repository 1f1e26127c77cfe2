package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.importrun.ParsedRow;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.kernel.text.EmailAddress;
import io.guestlist.kernel.text.InputBounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.guestlist.command.importrun.plan.ImportRows.hasText;

/** A row as read against the workspace: phone normalized, side checked, warnings noted. */
public record RowReading(RawRow row, Phone phone, String extraPhones, String side, List<String> tags, List<String> warnings,
                  String householdKey) {

    static final String DUPLICATE_PHONE_IN_RUN = "duplicate_phone_in_run";
    static final String UNKNOWN_SIDE = "unknown_side";
    static final String NAME_MISSING = "name_missing";
    static final String PHONE_NOT_MOBILE = "phone_not_mobile";
    static final String TOO_MANY_TAGS = "too_many_tags";
    static final String EXTRA_PHONES = "extra_phones";
    static final String BLANK_ROW = "blank_row";
    static final String JOINED_UNIT_BY_NAME = "joined_unit_by_name";
    static final String AMBIGUOUS_HOUSEHOLD_NAME = "ambiguous_household_name";

    /** The row read against the workspace, its phone cell looked up in {@code phones} first (same outcome, less work). */
    public static RowReading of(RawRow given, WorkspaceSettings workspace, PhoneMemo phones) {
        List<String> warnings = new ArrayList<>();
        if (given.raw().values().stream().allMatch(value -> !hasText(value))) {
            // a line with nothing on it is recorded all the same, so row numbers follow the file's lines
            warnings.add(BLANK_ROW);
            return new RowReading(given, null, null, null, List.of(), warnings, null);
        }
        RawRow row = RowCleaning.clean(given);
        if (row != given) {
            warnings.add(RowCleaning.CONTROL_CHARACTERS_REMOVED);
        }
        PhoneCell cell = phones.read(row.phone(), row.country(), workspace.defaultRegion());
        Phone phone = cell.phone();
        String extraPhones = cell.extraPhones();
        if (extraPhones != null) {
            warnings.add(EXTRA_PHONES);
        }
        if (!hasText(row.name())) {
            warnings.add(NAME_MISSING);
        }
        if (phone != null && phone.isValid() && !phone.mobile()) {
            warnings.add(PHONE_NOT_MOBILE);
        }
        String side = null;
        if (hasText(row.side())) {
            Optional<String> known = workspace.sides().stream().filter(s -> s.equalsIgnoreCase(row.side().trim())).findFirst();
            if (known.isPresent()) {
                side = known.get();
            } else {
                warnings.add(UNKNOWN_SIDE);
            }
        }
        List<String> tags = row.tags() == null ? List.of()
                : row.tags().stream().filter(ImportRows::hasText).map(String::trim).filter(t -> t.length() <= InputBounds.LABEL).distinct().toList();
        if (tags.size() > InputBounds.MAX_TAGS_PER_UNIT) {
            tags = tags.subList(0, InputBounds.MAX_TAGS_PER_UNIT);
            warnings.add(TOO_MANY_TAGS);
        }
        String household = hasText(row.household()) ? ImportRows.householdKey(row.household()) : null;
        return new RowReading(row, phone, extraPhones, side, tags, warnings, household);
    }

    /**
     * A phone cell as read: the phone ({@code null} when the cell is blank) and, when the cell held several
     * numbers, the others, comma-separated.
     */
    public record PhoneCell(Phone phone, String extraPhones) {

        static final PhoneCell BLANK = new PhoneCell(null, null);

        /** Reads a cell with libphonenumber: the whole cell as one number, else every number found in it. */
        static PhoneCell read(String raw, String country, String defaultRegion) {
            Phone phone = PhoneNormalizer.parse(raw, country, defaultRegion).orElse(null);
            if (phone == null) {
                return BLANK;
            }
            if (!phone.isValid()) {
                List<Phone> found = PhoneNormalizer.findAll(raw, country, defaultRegion);
                if (found.size() > 1) {
                    // several numbers in one cell: the first valid mobile, else the first, is the phone
                    Phone chosen = found.stream().filter(Phone::mobile).findFirst().orElse(found.get(0));
                    return new PhoneCell(chosen, String.join(", ", found.stream().filter(p -> p != chosen).map(Phone::raw).toList()));
                }
            }
            return new PhoneCell(phone, null);
        }
    }

    public boolean validPhone() {
        return phone != null && phone.isValid();
    }

    public String e164() {
        return validPhone() ? phone.e164() : null;
    }

    /** The name a person gets when the row gives none: their phone, so they can be found and renamed. */
    public String nameOrPhone() {
        return hasText(row.name()) ? row.name().trim() : phone.raw().trim();
    }

    /** The row's email when it is a plausible one, else {@code null}: a blank or bad cell never overwrites. */
    public String email() {
        return plausibleEmail(row.email());
    }

    /** The row's notes, within bounds, else {@code null}: a blank cell never overwrites. */
    public String notes() {
        return boundedNotes(row.notes());
    }

    static String plausibleEmail(String email) {
        return hasText(email) && EmailAddress.isPlausible(email.trim()) ? email.trim() : null;
    }

    static String boundedNotes(String notes) {
        if (!hasText(notes)) {
            return null;
        }
        String stripped = notes.strip();
        return stripped.length() <= InputBounds.NOTES ? stripped : stripped.substring(0, InputBounds.NOTES);
    }

    public String household() {
        return hasText(row.household()) ? row.household().trim() : null;
    }

    public ParsedRow parsed() {
        return new ParsedRow(hasText(row.name()) ? row.name().trim() : null, e164(), phone == null ? null : phone.raw(),
                phone == null ? null : phone.reason(), row.country(), household(), side, tags, row.email(), row.notes(),
                extraPhones);
    }
}
