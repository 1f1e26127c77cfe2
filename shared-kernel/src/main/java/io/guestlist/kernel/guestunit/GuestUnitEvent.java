package io.guestlist.kernel.guestunit;

import io.guestlist.kernel.ids.WorkspaceId;

/** The events of a guest unit. Every one names its workspace, so no projection has to look it up. */
public sealed interface GuestUnitEvent permits PrimaryContactChosenEvent, UnitDiscardedEvent, UnitArchivedEvent, UnitCreatedEvent, UnitMergedEvent, UnitRenamedEvent, UnitRestoredEvent, UnitSideSetEvent, UnitTagsAddedEvent, UnitTagsRemovedEvent {
    WorkspaceId workspaceId();
}
