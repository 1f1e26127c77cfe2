package io.guestlist.kernel.person;

import io.guestlist.kernel.privacy.PersonalData;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.serialization.Revision;

/** A person's phone changed ({@code null}: removed). */
@Revision("1")
public record PersonPhoneChangedEvent(@DataSubject PersonId personId, WorkspaceId workspaceId, @PersonalData Phone phone) implements PersonEvent {
}
