package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A member left the workspace. */
@Revision("1")
public record MemberRemovedEvent(WorkspaceId workspaceId, String userId) implements WorkspaceEvent {
}
