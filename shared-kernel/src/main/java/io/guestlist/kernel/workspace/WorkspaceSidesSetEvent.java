package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * A workspace's sides are now {@code sides}, in order; {@code renamed} maps each side renamed to its new
 * name (the units with the old name are each set to the new one by a command of their own).
 */
@Revision("1")
public record WorkspaceSidesSetEvent(WorkspaceId workspaceId, List<String> sides, Map<String, String> renamed) implements WorkspaceEvent {
}
