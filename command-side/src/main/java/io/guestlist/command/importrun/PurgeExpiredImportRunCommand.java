package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Purges a run whose retention has run out. Sent by the retention job, never by clients: no member
 * sends it, so it is not a workspace command (the owners' {@code PurgeImportRunCommand} is, and the
 * access check turns the job away from it).
 */
record PurgeExpiredImportRunCommand(@TargetAggregateIdentifier ImportRunId runId) {
}
