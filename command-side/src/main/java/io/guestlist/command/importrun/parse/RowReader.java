package io.guestlist.command.importrun.parse;

import java.util.Iterator;

/**
 * The rows of one payload, read lazily one at a time. {@link #next()} and {@link #hasNext()} may throw a
 * {@link io.guestlist.kernel.error.GuestlistException} mid-stream when a limit is crossed or the input
 * turns out to be malformed; the caller then fails the run as a whole.
 */
public interface RowReader extends Iterator<RawRow>, AutoCloseable {

    @Override
    void close();
}
