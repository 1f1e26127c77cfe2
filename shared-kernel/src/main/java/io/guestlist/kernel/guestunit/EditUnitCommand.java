package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Edits a unit in one step: every field given changes, or none does. A {@code null} field is left as
 * it is; an empty {@code side} clears it; {@code tags} is the full set; {@code archived} archives
 * ({@code true}) or restores ({@code false}) the unit.
 */
public record EditUnitCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, String name, String side,
                              Set<String> tags, Boolean archived) implements WorkspaceCommand {

    public EditUnitCommand {
        CleanText.require("name", name);
        CleanText.require("side", side);
        CleanText.requireAll("tags", tags, InputBounds.MAX_TAGS_PER_UNIT);
    }
}
