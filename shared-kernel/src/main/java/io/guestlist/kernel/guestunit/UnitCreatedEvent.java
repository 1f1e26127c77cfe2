package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A guest unit was created. */
@Revision("1")
public record UnitCreatedEvent(UnitId unitId, WorkspaceId workspaceId, String name, String side, Set<String> tags) implements GuestUnitEvent {
}
