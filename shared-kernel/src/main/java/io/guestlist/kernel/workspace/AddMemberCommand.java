package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner adds a user to the workspace with a role. */
public record AddMemberCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String userId, Role role) implements OwnerCommand {

    public AddMemberCommand {
        CleanText.require("userId", userId);
    }
}
