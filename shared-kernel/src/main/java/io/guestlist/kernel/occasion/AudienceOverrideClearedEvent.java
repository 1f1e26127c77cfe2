package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit's override on an event was cleared: the rules alone decide again. */
@Revision("1")
public record AudienceOverrideClearedEvent(OccasionId occasionId, WorkspaceId workspaceId, UnitId unitId) implements OccasionEvent {
}
