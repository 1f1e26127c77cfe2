package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archives a unit: it keeps its members but leaves every audience and stops being inviteable. */
public record ArchiveUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId) implements WorkspaceCommand {
}
