package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forces a unit into or out of an event's audience, replacing any earlier override on it. */
public record SetAudienceOverrideCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, UnitId unitId, OverrideMode mode) implements WorkspaceCommand {
}
