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

    public void ensureMember(UUID workspaceId, Principal caller) {
        boolean member = jdbc.sql("SELECT EXISTS (SELECT 1 FROM workspace_members WHERE workspace_id = ? AND user_id = ?)")
                .params(workspaceId, caller.getName()).query(Boolean.class).single();
        if (!member) {
            throw GuestlistException.notFound("Workspace");
        }
    }
}
