package io.guestlist.kernel.person;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a person to another unit: the old membership ends and the new one starts in one step. */
public record MovePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, UnitId toUnitId) implements WorkspaceCommand {
}
