package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An event of the celebration was archived: it accepts no more changes. */
@Revision("1")
public record OccasionArchivedEvent(OccasionId occasionId, WorkspaceId workspaceId) implements OccasionEvent {
}
