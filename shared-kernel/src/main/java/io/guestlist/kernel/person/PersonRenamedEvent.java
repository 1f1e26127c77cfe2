package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A person was renamed. */
@Revision("1")
public record PersonRenamedEvent(PersonId personId, WorkspaceId workspaceId, String name) implements PersonEvent {
}
