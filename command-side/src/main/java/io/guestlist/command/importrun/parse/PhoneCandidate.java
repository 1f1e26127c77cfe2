package io.guestlist.command.importrun.parse;

/**
 * One of a contact's numbers as given.
 *
 * @param text           the number's text
 * @param labelledMobile the source calls it a mobile ({@code TYPE=CELL}, an iPhone or "Mobile" label)
 * @param labelledNoVoice the source calls it a fax, pager or modem: a number nobody answers on WhatsApp
 */
record PhoneCandidate(String text, boolean labelledMobile, boolean labelledNoVoice) {

    static PhoneCandidate unlabelled(String text) {
        return new PhoneCandidate(text, false, false);
    }
}
