package io.guestlist.command.importrun.parse;

/** The hard limits of one import payload (SPEC §4.4): beyond them the whole run is refused with a 4xx. */
public final class ImportLimits {

    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    public static final int MAX_FIELD = 1_000;

    private ImportLimits() {
    }
}
