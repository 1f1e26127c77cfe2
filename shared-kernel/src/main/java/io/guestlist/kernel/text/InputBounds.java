package io.guestlist.kernel.text;

/**
 * The bounds of what a command or an import row may carry, in one place. Lengths are those of the
 * read-model columns the text ends in (see the migrations), so a value that passes them always fits;
 * counts keep the cost of matching units against audience rules small (each pair of sets is compared).
 */
public final class InputBounds {

    /** {@code guest_units.name}, also an import's household. */
    public static final int UNIT_NAME = 1000;
    /** {@code people.name}. */
    public static final int PERSON_NAME = 1000;
    /** {@code people.phone_raw}; the country travels beside it and gets the same bound. */
    public static final int PHONE = 1000;
    /** {@code people.email}: the longest address SMTP allows. */
    public static final int EMAIL = 320;
    /** {@code people.notes}: free text about a guest, line breaks allowed. */
    public static final int NOTES = 4000;
    /** {@code workspaces.name}. */
    public static final int WORKSPACE_NAME = 200;
    /** {@code occasions.name}. */
    public static final int EVENT_NAME = 200;
    /** {@code sides.name}, {@code unit_tags.tag}, {@code guest_units.side}: a side or a tag. */
    public static final int LABEL = 100;
    /** {@code import_runs.file_name}: the name of an uploaded file. */
    public static final int FILE_NAME = 1000;

    public static final int MAX_TAGS_PER_UNIT = 50;
    public static final int MAX_SIDES_PER_WORKSPACE = 50;
    /** Per list of a rule: include.tags, include.sides, exclude.tags, exclude.sides. */
    public static final int MAX_TAGS_PER_RULE = 50;
    public static final int MAX_SIDES_PER_RULE = 50;

    private InputBounds() {
    }
}
