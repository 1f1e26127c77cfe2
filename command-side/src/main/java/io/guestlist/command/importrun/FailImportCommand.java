package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fails a run that cannot be processed. Sent by the import worker, never by clients. */
record FailImportCommand(@TargetAggregateIdentifier ImportRunId runId, String reason) {
}
