package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;

/** The events of the workspace (governance). Every one names its workspace, so no projection has to look it up. */
public sealed interface WorkspaceEvent permits MemberAddedEvent, MemberRemovedEvent, MemberRoleChangedEvent, WorkspaceCreatedEvent,
        WorkspaceDefaultRegionChangedEvent, WorkspaceRenamedEvent, WorkspaceSidesSetEvent {
    WorkspaceId workspaceId();
}
