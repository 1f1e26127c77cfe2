package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit was renamed. */
@Revision("1")
public record UnitRenamedEvent(UnitId unitId, WorkspaceId workspaceId, String name) implements GuestUnitEvent {
}
