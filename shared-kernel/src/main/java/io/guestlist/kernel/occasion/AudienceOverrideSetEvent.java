package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit's override on an event was set, replacing any earlier one. */
@Revision("1")
public record AudienceOverrideSetEvent(OccasionId occasionId, WorkspaceId workspaceId, UnitId unitId, OverrideMode mode) implements OccasionEvent {
}
