package io.guestlist.kernel.person;

import io.guestlist.kernel.privacy.PersonalData;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.serialization.Revision;

/** A person was added to a unit; {@code phone} is null for a dependent without one. */
@Revision("1")
public record PersonAddedEvent(@DataSubject PersonId personId, WorkspaceId workspaceId, UnitId unitId, @PersonalData String name,
                               @PersonalData Phone phone) implements PersonEvent {
}
