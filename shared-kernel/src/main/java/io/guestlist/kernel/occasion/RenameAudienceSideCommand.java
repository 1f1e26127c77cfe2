package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carries a workspace's side rename over to an event's audience rules: {@code from} becomes {@code to}
 * wherever the rules name it. Sent for each event whose rules name the old side once the workspace
 * renamed it, on behalf of the owner who renamed it; no route sends it.
 */
public record RenameAudienceSideCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, String from,
                                        String to) implements WorkspaceCommand {
}
