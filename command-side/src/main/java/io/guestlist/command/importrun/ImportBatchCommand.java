package io.guestlist.command.importrun;

import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.kernel.ids.ImportRunId;

import java.util.List;

/** Processes consecutive rows of a run in one unit of work. Sent by the import worker, never by clients. */
record ImportBatchCommand(ImportRunId runId, List<RawRow> rows) {
}
