package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a submitted, already validated payload as a new run; its rows are processed asynchronously. */
public record ReceiveImportCommand(@TargetAggregateIdentifier ImportRunId runId, WorkspaceId workspaceId, Channel channel, boolean dryRun, String idempotencyKey, String payloadSha256, int totalRows, String fileName) implements WorkspaceCommand {
}
