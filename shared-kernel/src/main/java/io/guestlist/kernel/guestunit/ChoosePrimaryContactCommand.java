package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Chooses the member whose phone receives the unit's invitation. */
public record ChoosePrimaryContactCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, PersonId personId) implements WorkspaceCommand {
}
