package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A user became a member of the workspace. */
@Revision("1")
public record MemberAddedEvent(WorkspaceId workspaceId, String userId, Role role) implements WorkspaceEvent {
}
