package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A workspace was created; its owner became its first member. */
@Revision("1")
public record WorkspaceCreatedEvent(WorkspaceId workspaceId, String name, String defaultRegion, List<String> sides, String ownerId) implements WorkspaceEvent {
}
