package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A unit was archived. */
@Revision("1")
public record UnitArchivedEvent(UnitId unitId, WorkspaceId workspaceId) implements GuestUnitEvent {
}
