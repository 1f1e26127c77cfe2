package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames one tag on one unit (a workspace-wide tag rename sends one per unit); no change when the unit lacks it. */
public record RenameUnitTagCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String from, String to)
        implements WorkspaceCommand {

    public RenameUnitTagCommand {
        CleanText.require("tag", from, InputBounds.LABEL);
        CleanText.require("to", to, InputBounds.LABEL);
    }
}
