package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a guest unit. */
public record RenameUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String name) implements WorkspaceCommand {

    public RenameUnitCommand {
        CleanText.require("name", name);
    }
}
