package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes an archived unit active again. */
public record RestoreUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId) implements WorkspaceCommand {
}
