package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An event of the celebration was created. Its audience starts as {@link AudienceRules#NOBODY}. */
@Revision("1")
public record OccasionCreatedEvent(OccasionId occasionId, WorkspaceId workspaceId, String name) implements OccasionEvent {
}
