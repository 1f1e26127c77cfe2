package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Clears a unit's override on an event; clearing an override that is not there changes nothing. */
public record ClearAudienceOverrideCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, UnitId unitId) implements WorkspaceCommand {
}
