package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit that an undone import created, left empty, was discarded. */
@Revision("1")
public record UnitDiscardedEvent(UnitId unitId, WorkspaceId workspaceId) implements GuestUnitEvent {
}
