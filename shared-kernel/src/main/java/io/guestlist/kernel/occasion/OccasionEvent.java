package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;

/** The events of an event of the celebration ({@code Occasion}). Every one names its workspace, so no projection has to look it up. */
public sealed interface OccasionEvent permits AudienceOverrideClearedEvent, AudienceOverrideSetEvent, AudienceRulesSetEvent,
        OccasionArchivedEvent, OccasionCreatedEvent, OccasionRenamedEvent {
    OccasionId occasionId();

    WorkspaceId workspaceId();
}
