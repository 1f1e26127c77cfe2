package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a person: the membership ends, the phone is released, reads forget them; the events stay. */
public record DeletePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId) implements WorkspaceCommand {
}
