package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces an event's audience rules as a whole. */
public record SetAudienceRulesCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, AudienceRules rules) implements WorkspaceCommand {
}
