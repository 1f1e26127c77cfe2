package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.serialization.Revision;

/**
 * A person was added to a unit; {@code phone} is null for a dependent without one. {@code email} and
 * {@code notes} are null when not given, and in events stored before they existed (read as absent).
 */
@Revision("1")
public record PersonAddedEvent(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, Phone phone,
                               String email, String notes) implements PersonEvent {

    /** A person added without contact details. */
    public PersonAddedEvent(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, Phone phone) {
        this(personId, workspaceId, unitId, name, phone, null, null);
    }
}
