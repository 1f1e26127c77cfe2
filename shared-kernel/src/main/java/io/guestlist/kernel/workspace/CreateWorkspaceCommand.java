package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a workspace whose first member, as OWNER, is {@code ownerId}. */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String name, String defaultRegion, List<String> sides, String ownerId) {
}
