package io.guestlist.kernel.person;

import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a person to an existing unit, with a phone (claiming its identity) or without one (a dependent),
 * and optionally an email and notes.
 */
public record AddPersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name,
                               String phone, String country, String email, String notes) implements WorkspaceCommand {

    public AddPersonCommand {
        CleanText.require("name", name);
        CleanText.require("phone", phone);
        CleanText.require("country", country);
        CleanText.require("email", email);
        CleanText.requireMultiline("notes", notes);
    }

    public AddPersonCommand(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, String phone, String country) {
        this(personId, workspaceId, unitId, name, phone, country, null, null);
    }
}
