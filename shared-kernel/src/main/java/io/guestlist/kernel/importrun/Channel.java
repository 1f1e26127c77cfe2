package io.guestlist.kernel.importrun;

/**
 * How the rows of an import run arrived (SPEC §4.1). The channel decides how a payload is read:
 * a spreadsheet export, phone contacts (vCard or the Contact Picker JSON), or rows typed by hand.
 */
public enum Channel {
    CSV,
    CONTACTS,
    MANUAL
}
