package io.guestlist.command.importrun;

import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.kernel.ids.ImportRunId;

import java.util.List;

/**
 * Processes consecutive rows of a run in one unit of work, on behalf of the instance holding the run's
 * lease. Sent by the import worker, never by clients.
 */
record ImportBatchCommand(ImportRunId runId, String leaseOwner, List<RawRow> rows) {
}
