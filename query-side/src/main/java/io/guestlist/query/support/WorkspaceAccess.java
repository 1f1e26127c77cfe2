package io.guestlist.query.support;

import io.guestlist.kernel.error.GuestlistException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.UUID;

/** Reads are for members: to anyone else a workspace and all under it do not exist (SPEC §7). */
@Component
public class WorkspaceAccess {

    private final JdbcClient jdbc;
    private final ReadYourWrites readYourWrites;

    public WorkspaceAccess(JdbcClient jdbc, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Lets members through. Membership changes rarely, so a read given {@code ?after=} waits for the
     * governance projection only when the caller is not (yet) a member there, say right after
     * creating the workspace; every other read waits only for the projections it reads.
     */
    public void ensureMember(UUID workspaceId, Principal caller, Long after) {
        if (isMember(workspaceId, caller)) {
            return;
        }
        if (after != null) {
            readYourWrites.await(after, Projections.GOVERNANCE);
            if (isMember(workspaceId, caller)) {
                return;
            }
        }
        throw GuestlistException.notFound("Workspace");
    }

    private boolean isMember(UUID workspaceId, Principal caller) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workspace_members WHERE workspace_id = ? AND user_id = ?)")
                .params(workspaceId, caller.getName()).query(Boolean.class).single();
    }
}
