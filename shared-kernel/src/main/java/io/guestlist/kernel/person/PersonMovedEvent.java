package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A person's membership of one unit ended and one of another began, at once. */
@Revision("1")
public record PersonMovedEvent(PersonId personId, WorkspaceId workspaceId, UnitId fromUnitId, UnitId toUnitId) implements PersonEvent {
}
