package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner removes a member. */
public record RemoveMemberCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String userId) implements OwnerCommand {
}
