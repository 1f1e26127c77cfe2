package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the unit's side (one of the workspace's sides), or clears it with {@code null}. */
public record SetUnitSideCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String side) implements WorkspaceCommand {

    public SetUnitSideCommand {
        CleanText.require("side", side);
    }
}
