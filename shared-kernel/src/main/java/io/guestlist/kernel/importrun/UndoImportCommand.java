package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.OwnerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner reverts a completed run: each change it made is reversed by new events. */
public record UndoImportCommand(@TargetAggregateIdentifier ImportRunId runId, WorkspaceId workspaceId) implements OwnerCommand {
}
