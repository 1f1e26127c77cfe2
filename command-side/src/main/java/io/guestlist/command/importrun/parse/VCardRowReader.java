package io.guestlist.command.importrun.parse;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;

import java.io.IOException;

/** Reads vCards (2.1, 3.0, 4.0) one card at a time with ez-vcard; each card is one row. */
final class VCardRowReader extends LookaheadRowReader<VCard> {

    private final VCardReader reader;
    private final VCardRowMapper mapper;

    VCardRowReader(PayloadText text, String defaultRegion) {
        this.reader = new VCardReader(text.reader());
        this.mapper = new VCardRowMapper(defaultRegion);
        if (!hasNext()) {
            throw ImportErrors.unreadable("it holds no vCard (no BEGIN:VCARD ... END:VCARD).");
        }
    }

    @Override
    protected VCard readNext() {
        try {
            return reader.readNext();
        } catch (IOException e) {
            throw ImportErrors.unreadable("the vCard after contact " + rowsHandedOut() + " is malformed (" + e.getMessage() + ").");
        }
    }

    @Override
    protected RawRow toRow(int rowNumber, VCard card) {
        return mapper.toRow(rowNumber, card);
    }

    @Override
    protected void closeSource() throws IOException {
        reader.close();
    }
}
