package io.guestlist.kernel.workspace;

/** A member's role in a workspace. Viewers read; editors change the guest list; owners also govern. */
public enum Role {
    OWNER, EDITOR, VIEWER
}
