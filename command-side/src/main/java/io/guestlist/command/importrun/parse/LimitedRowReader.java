package io.guestlist.command.importrun.parse;

import java.util.Map;

/**
 * Enforces the row and field limits on any reader, whatever the channel, as rows stream by: a row past
 * {@link ImportLimits#MAX_ROWS} or a value longer than {@link ImportLimits#MAX_FIELD} fails the payload
 * with the row and column named, before that row is handed out.
 */
final class LimitedRowReader implements RowReader {

    private final RowReader delegate;
    private int count;

    LimitedRowReader(RowReader delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public RawRow next() {
        RawRow row = delegate.next();
        if (++count > ImportLimits.MAX_ROWS) {
            throw ImportErrors.tooManyRows();
        }
        for (Map.Entry<String, String> cell : row.raw().entrySet()) {
            if (cell.getValue() != null && cell.getValue().length() > ImportLimits.MAX_FIELD) {
                throw ImportErrors.fieldTooLong(row.rowNumber(), cell.getKey(), cell.getValue().length());
            }
        }
        if (row.name() != null && row.name().length() > ImportLimits.MAX_FIELD) {
            throw ImportErrors.fieldTooLong(row.rowNumber(), "name", row.name().length());
        }
        return row;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
