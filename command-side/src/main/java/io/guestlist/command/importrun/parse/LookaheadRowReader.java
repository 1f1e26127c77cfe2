package io.guestlist.command.importrun.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * What every format's reader shares: the next item is read once, on {@link #hasNext()}, and rows are
 * numbered 1, 2, … as they are handed out. A subclass reads items, maps them to rows and closes its source.
 *
 * @param <T> the format's item: a CSV record, a vCard, a JSON object
 */
abstract class LookaheadRowReader<T> implements RowReader {

    private T pending;
    private boolean finished;
    private int rowNumber;

    /** The next item of the payload, or {@code null} at its end. */
    protected abstract T readNext();

    protected abstract RawRow toRow(int rowNumber, T item);

    /** Closes what the items are read from. */
    protected abstract void closeSource() throws IOException;

    /** How many rows were handed out so far, for error messages that say where. */
    protected int rowsHandedOut() {
        return rowNumber;
    }

    @Override
    public final boolean hasNext() {
        if (pending == null && !finished) {
            pending = readNext();
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public final void close() {
        try {
            closeSource();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = pending;
        pending = null;
        return toRow(++rowNumber, item);
    }
}
