package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A member's role changed. */
@Revision("1")
public record MemberRoleChangedEvent(WorkspaceId workspaceId, String userId, Role role) implements WorkspaceEvent {
}
