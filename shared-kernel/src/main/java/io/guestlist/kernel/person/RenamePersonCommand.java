package io.guestlist.kernel.person;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a person. */
public record RenamePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, String name) implements WorkspaceCommand {

    public RenamePersonCommand {
        CleanText.require("name", name);
    }
}
