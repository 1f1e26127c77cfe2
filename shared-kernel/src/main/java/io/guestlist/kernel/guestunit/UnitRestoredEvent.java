package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An archived unit became active again. */
@Revision("1")
public record UnitRestoredEvent(UnitId unitId, WorkspaceId workspaceId) implements GuestUnitEvent {
}
