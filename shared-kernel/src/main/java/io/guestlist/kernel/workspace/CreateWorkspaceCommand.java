package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a workspace whose first member, as OWNER, is {@code ownerId}. */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String name, String defaultRegion, List<String> sides, String ownerId) {

    public CreateWorkspaceCommand {
        CleanText.require("name", name);
        CleanText.require("defaultRegion", defaultRegion);
        CleanText.requireAll("sides", sides, InputBounds.MAX_SIDES_PER_WORKSPACE);
        CleanText.require("ownerId", ownerId, UserIds.MAX_LENGTH);
    }
}
