package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.OwnerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases the personal data of a finished run's rows that resolved to no person (their run's key). Owners only. */
public record PurgeImportRunCommand(@TargetAggregateIdentifier ImportRunId runId, WorkspaceId workspaceId) implements OwnerCommand {
}
