package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit's members were moved into another unit; the unit is archived next. */
@Revision("1")
public record UnitMergedEvent(UnitId unitId, WorkspaceId workspaceId, UnitId intoUnitId) implements GuestUnitEvent {
}
