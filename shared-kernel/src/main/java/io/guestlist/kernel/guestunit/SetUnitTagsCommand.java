package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes the unit's tags exactly these: the missing ones are added, the others removed. */
public record SetUnitTagsCommand(@TargetAggregateIdentifier UnitId unitId, WorkspaceId workspaceId, Set<String> tags) implements WorkspaceCommand {

    public SetUnitTagsCommand {
        CleanText.requireAll("tags", tags, InputBounds.MAX_TAGS_PER_UNIT);
    }
}
