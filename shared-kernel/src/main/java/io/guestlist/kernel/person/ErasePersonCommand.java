package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.OwnerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a person's personal data for good (deleting them first if they are not deleted yet). Owners only. */
public record ErasePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId) implements OwnerCommand {
}
