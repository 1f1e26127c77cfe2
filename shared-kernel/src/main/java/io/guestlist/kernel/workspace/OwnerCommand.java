package io.guestlist.kernel.workspace;

/** A workspace command that only an OWNER may send. */
public interface OwnerCommand extends WorkspaceCommand {
}
