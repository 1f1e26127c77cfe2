package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Edits a workspace in one step (owners only): every field given changes, or none does; {@code null}
 * leaves a field as it is. {@code sides} is the full list; {@code renamedSides} maps a side's old name
 * to its new one (which {@code sides} holds), so the units with the old name follow. A side neither
 * kept nor renamed is removed, which units must not be using.
 */
public record EditWorkspaceCommand(@TargetAggregateIdentifier WorkspaceId workspaceId, String name, String defaultRegion,
                                   List<String> sides, Map<String, String> renamedSides) implements OwnerCommand {

    public EditWorkspaceCommand {
        CleanText.require("name", name);
        CleanText.require("defaultRegion", defaultRegion);
        CleanText.requireAll("sides", sides, InputBounds.MAX_SIDES_PER_WORKSPACE);
        if (renamedSides != null) {
            CleanText.requireAll("renamedSides", renamedSides.keySet(), InputBounds.MAX_SIDES_PER_WORKSPACE);
            CleanText.requireAll("renamedSides", renamedSides.values(), InputBounds.MAX_SIDES_PER_WORKSPACE);
        }
    }
}
