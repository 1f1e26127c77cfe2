package io.guestlist.kernel.importrun;

/** The life of an import run: RECEIVED → PROCESSING → COMPLETED, or FAILED with a reason (SPEC §4.4). */
public enum ImportStatus {
    RECEIVED, PROCESSING, COMPLETED, FAILED
}
