package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A person's contact details changed: both as they are now ({@code null}: none). */
@Revision("1")
public record PersonContactChangedEvent(PersonId personId, WorkspaceId workspaceId, String email, String notes) implements PersonEvent {
}
