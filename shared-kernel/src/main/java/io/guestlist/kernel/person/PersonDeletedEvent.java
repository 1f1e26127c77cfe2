package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/**
 * A person was deleted (by hand, or an undone import's new guest): membership ended, phone identity
 * released. {@code fromUnitId} is null when the person had already been removed.
 */
@Revision("1")
public record PersonDeletedEvent(PersonId personId, WorkspaceId workspaceId, UnitId fromUnitId) implements PersonEvent {
}
