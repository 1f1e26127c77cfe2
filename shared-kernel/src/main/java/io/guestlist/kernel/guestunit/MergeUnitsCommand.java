package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;

/** Moves every member of the source unit to the target unit and archives the source. */
public record MergeUnitsCommand(UnitId sourceUnitId, UnitId targetUnitId, WorkspaceId workspaceId) implements WorkspaceCommand {
}
