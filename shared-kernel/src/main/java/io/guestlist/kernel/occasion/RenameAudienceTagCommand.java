package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carries a workspace's tag rename over to an event's audience rules: {@code from} becomes {@code to}
 * wherever the rules name it (included or excluded). Sent for each event whose rules name the old tag
 * once the units were renamed, on behalf of the member who renamed it; no route sends it alone.
 */
public record RenameAudienceTagCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, String from,
                                       String to) implements WorkspaceCommand {
}
