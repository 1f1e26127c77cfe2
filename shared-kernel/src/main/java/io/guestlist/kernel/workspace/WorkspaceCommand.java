package io.guestlist.kernel.workspace;

import io.guestlist.kernel.ids.WorkspaceId;

/** A command made inside a workspace: only its members may send it, and viewers never. */
public interface WorkspaceCommand {
    WorkspaceId workspaceId();
}
