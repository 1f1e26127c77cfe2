package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A removed person became a member of a unit again. */
@Revision("1")
public record PersonReactivatedEvent(PersonId personId, WorkspaceId workspaceId, UnitId unitId) implements PersonEvent {
}
