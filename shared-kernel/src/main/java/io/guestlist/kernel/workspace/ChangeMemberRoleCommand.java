package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner changes a member's role. */
public record ChangeMemberRoleCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String userId, Role role) implements OwnerCommand {
}
