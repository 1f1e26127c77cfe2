package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Tags were added to a unit. */
@Revision("1")
public record UnitTagsAddedEvent(UnitId unitId, WorkspaceId workspaceId, Set<String> tags) implements GuestUnitEvent {
}
