package io.guestlist.kernel.person;

import io.guestlist.kernel.privacy.PersonalData;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A person was renamed. */
@Revision("1")
public record PersonRenamedEvent(@DataSubject PersonId personId, WorkspaceId workspaceId, @PersonalData String name) implements PersonEvent {
}
