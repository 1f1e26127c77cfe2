package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.serialization.Revision;

/** A person was added to a unit; {@code phone} is null for a dependent without one. */
@Revision("1")
public record PersonAddedEvent(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, Phone phone) implements PersonEvent {
}
