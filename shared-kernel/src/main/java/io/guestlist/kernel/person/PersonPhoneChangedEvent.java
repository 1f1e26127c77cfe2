package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.serialization.Revision;

/** A person's phone changed ({@code null}: removed). */
@Revision("1")
public record PersonPhoneChangedEvent(PersonId personId, WorkspaceId workspaceId, Phone phone) implements PersonEvent {
}
