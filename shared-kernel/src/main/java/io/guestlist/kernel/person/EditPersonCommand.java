package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Edits a person in one step: every field given changes, or none does. A {@code null} field is left
 * as it is; an empty {@code phone}, {@code email} or {@code notes} clears it. {@code country} only
 * helps read {@code phone}.
 */
public record EditPersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, String name,
                                String phone, String country, String email, String notes) implements WorkspaceCommand {

    public EditPersonCommand {
        CleanText.require("name", name);
        CleanText.require("phone", phone);
        CleanText.require("country", country);
        CleanText.require("email", email);
        CleanText.requireMultiline("notes", notes);
    }
}
