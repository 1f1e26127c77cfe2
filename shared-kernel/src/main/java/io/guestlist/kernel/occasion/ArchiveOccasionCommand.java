package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archives an event of the celebration; an archived event accepts no more changes. */
public record ArchiveOccasionCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId) implements WorkspaceCommand {
}
