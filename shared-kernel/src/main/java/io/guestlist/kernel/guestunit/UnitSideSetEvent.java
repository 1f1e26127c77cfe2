package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit's side was set ({@code null}: cleared). */
@Revision("1")
public record UnitSideSetEvent(UnitId unitId, WorkspaceId workspaceId, String side) implements GuestUnitEvent {
}
