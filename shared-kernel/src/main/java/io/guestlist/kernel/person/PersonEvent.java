package io.guestlist.kernel.person;

import io.guestlist.kernel.ids.WorkspaceId;

/** The events of a person. Every one names its workspace, so no projection has to look it up. */
public sealed interface PersonEvent permits PersonAddedEvent, PersonContactChangedEvent, PersonDeletedEvent, PersonMovedEvent, PersonPhoneChangedEvent, PersonReactivatedEvent, PersonRemovedEvent, PersonRenamedEvent {
    WorkspaceId workspaceId();
}
