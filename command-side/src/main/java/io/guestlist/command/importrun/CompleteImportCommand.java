package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Completes a run once every row is recorded. Sent by the import worker, never by clients. */
record CompleteImportCommand(@TargetAggregateIdentifier ImportRunId runId) {
}
