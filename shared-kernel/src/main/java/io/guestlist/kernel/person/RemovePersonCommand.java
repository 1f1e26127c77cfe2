package io.guestlist.kernel.person;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a person's membership of {@code fromUnitId}; the phone identity stays with them so an import can reactivate them. */
public record RemovePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, UnitId fromUnitId) implements WorkspaceCommand {
}
