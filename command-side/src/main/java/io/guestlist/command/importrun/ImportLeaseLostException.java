package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;

/** Another instance has claimed the run: this one must stop working on it, and its batch must not commit. */
class ImportLeaseLostException extends RuntimeException {

    ImportLeaseLostException(ImportRunId run) {
        super("Import run " + run + " is held by another instance now");
    }
}
