package io.guestlist.command.importrun.parse;

/**
 * A column that may hold the guest's phone.
 *
 * @param index          its position
 * @param labelledMobile its header says mobile, cell or WhatsApp
 * @param typeIndex      the position of Google's matching "Phone N - Type/Label" column, or -1
 */
record PhoneColumn(int index, boolean labelledMobile, int typeIndex) {
}
