package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an event of the celebration (`events` in the API). */
public record CreateOccasionCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, String name) implements WorkspaceCommand {

    public CreateOccasionCommand {
        CleanText.require("name", name);
    }
}
