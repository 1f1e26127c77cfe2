package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A member was chosen as the unit's primary contact. */
@Revision("1")
public record PrimaryContactChosenEvent(UnitId unitId, WorkspaceId workspaceId, PersonId personId) implements GuestUnitEvent {
}
