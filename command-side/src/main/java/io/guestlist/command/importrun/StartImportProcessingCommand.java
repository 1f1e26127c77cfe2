package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Begins (or, after a restart, resumes) processing a received run. Sent by the import worker, never by clients. */
record StartImportProcessingCommand(@TargetAggregateIdentifier ImportRunId runId) {
}
