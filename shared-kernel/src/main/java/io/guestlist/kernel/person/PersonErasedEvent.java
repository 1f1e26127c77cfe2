package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased for good (GDPR art. 17): their key is gone, so every personal
 * field of their events reads as erased from now on, and reads forget them. It follows their
 * {@link PersonDeletedEvent} and carries no personal data itself.
 */
@Revision("1")
public record PersonErasedEvent(PersonId personId, WorkspaceId workspaceId) implements PersonEvent {
}
