package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames an event of the celebration. */
public record RenameOccasionCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, String name) implements WorkspaceCommand {

    public RenameOccasionCommand {
        CleanText.require("name", name);
    }
}
