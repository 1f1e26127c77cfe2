package io.guestlist.command.importrun.parse;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** Reads vCards (2.1, 3.0, 4.0) one card at a time with ez-vcard; each card is one row. */
final class VCardRowReader implements RowReader {

    private final VCardReader reader;
    private final VCardRowMapper mapper;
    private VCard pending;
    private int rowNumber;

    VCardRowReader(PayloadText text, String defaultRegion) {
        this.reader = new VCardReader(text.reader());
        this.mapper = new VCardRowMapper(defaultRegion);
        if (!hasNext()) {
            throw ImportErrors.unreadable("it holds no vCard (no BEGIN:VCARD ... END:VCARD).");
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            try {
                pending = reader.readNext();
            } catch (IOException e) {
                throw ImportErrors.unreadable("the vCard after contact " + rowNumber + " is malformed (" + e.getMessage() + ").");
            }
        }
        return pending != null;
    }

    @Override
    public RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        VCard card = pending;
        pending = null;
        return mapper.toRow(++rowNumber, card);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
