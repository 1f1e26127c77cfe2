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

    public WorkspaceAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Lets members through. Memberships are projected in the transaction of the command that changes
     * them, so one that committed is seen at once and no read waits for it: {@code after} is taken,
     * as every read takes it, and not needed here.
     */
    public void ensureMember(UUID workspaceId, Principal caller, Long after) {
        if (!isMember(workspaceId, caller)) {
            throw GuestlistException.notFound("Workspace");
        }
    }

    private boolean isMember(UUID workspaceId, Principal caller) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workspace_members WHERE workspace_id = ? AND user_id = ?)")
                .params(workspaceId, caller.getName()).query(Boolean.class).single();
    }
}
