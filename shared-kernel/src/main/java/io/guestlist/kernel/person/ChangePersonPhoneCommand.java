package io.guestlist.kernel.person;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a person a new phone (re-claiming identity) or none. */
public record ChangePersonPhoneCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, String phone, String country) implements WorkspaceCommand {

    public ChangePersonPhoneCommand {
        CleanText.require("phone", phone);
        CleanText.require("country", country);
    }
}
