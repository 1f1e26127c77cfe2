package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A person's membership ended; their phone identity is kept. */
@Revision("1")
public record PersonRemovedEvent(PersonId personId, WorkspaceId workspaceId, UnitId fromUnitId) implements PersonEvent {
}
