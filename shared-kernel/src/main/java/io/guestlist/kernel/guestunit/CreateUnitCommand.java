package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a guest unit (a household or party). */
public record CreateUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String name, String side, Set<String> tags) implements WorkspaceCommand {
}
