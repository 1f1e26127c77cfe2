package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A person's contact details changed: both as they are now ({@code null}: none). */
@Revision("1")
public record PersonContactChangedEvent(@DataSubject PersonId personId, WorkspaceId workspaceId, @PersonalData String email,
                                        @PersonalData String notes) implements PersonEvent {
}
