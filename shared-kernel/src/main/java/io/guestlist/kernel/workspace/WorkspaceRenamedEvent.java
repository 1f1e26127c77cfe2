package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A workspace was renamed. */
@Revision("1")
public record WorkspaceRenamedEvent(WorkspaceId workspaceId, String name) implements WorkspaceEvent {
}
