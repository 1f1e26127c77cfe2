package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes the unit's tags exactly these: the missing ones are added, the others removed. */
public record SetUnitTagsCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, Set<String> tags) implements WorkspaceCommand {
}
