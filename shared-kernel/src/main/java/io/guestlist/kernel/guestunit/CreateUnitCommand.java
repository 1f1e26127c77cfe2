package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a guest unit (a household or party). */
public record CreateUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String name, String side, Set<String> tags) implements WorkspaceCommand {

    public CreateUnitCommand {
        CleanText.require("name", name);
        CleanText.require("side", side);
        CleanText.requireAll("tags", tags, InputBounds.MAX_TAGS_PER_UNIT);
    }
}
