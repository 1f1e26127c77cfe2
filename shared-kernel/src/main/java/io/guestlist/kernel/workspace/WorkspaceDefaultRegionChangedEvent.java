package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The region national phone numbers are read in changed; phones already stored keep their reading. */
@Revision("1")
public record WorkspaceDefaultRegionChangedEvent(WorkspaceId workspaceId, String defaultRegion) implements WorkspaceEvent {
}
