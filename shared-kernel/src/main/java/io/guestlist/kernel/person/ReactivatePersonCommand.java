package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adding a person whose phone ({@code phoneE164}) this removed person still holds: brings them back
 * into {@code unitId} under {@code name}. Rejected as phone-taken while they are still a member.
 */
public record ReactivatePersonCommand(@TargetAggregateIdentifier PersonId personId, WorkspaceId workspaceId, UnitId unitId,
                                      String name, String phoneE164) implements WorkspaceCommand {
}
