package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;

/**
 * Reverts the newest batch of a run's rows not yet reverted, in one unit of work, on behalf of the
 * instance holding the run's lease; answers whether a batch is left. Sent by the import worker.
 */
record UndoImportBatchCommand(ImportRunId runId, String leaseOwner) {
}
