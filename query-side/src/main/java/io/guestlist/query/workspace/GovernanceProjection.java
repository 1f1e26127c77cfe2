package io.guestlist.query.workspace;

import io.guestlist.query.support.Projections;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Workspaces, their members and their sides. Idempotent: every write is an upsert or a delete. */
@Component
@ProcessingGroup(GovernanceProjection.GROUP)
class GovernanceProjection {

    static final String GROUP = Projections.GOVERNANCE;

    private final JdbcTemplate jdbc;

    GovernanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE workspaces, workspace_members, sides");
    }

    @EventHandler
    void on(WorkspaceCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("""
                INSERT INTO workspaces (workspace_id, name, default_region, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id) DO NOTHING""",
                e.workspaceId().value(), e.name(), e.defaultRegion(), ts(at), by, ts(at), by);
        for (int i = 0; i < e.sides().size(); i++) {
            batch.add("INSERT INTO sides (workspace_id, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    e.workspaceId().value(), e.sides().get(i), i);
        }
        upsertMember(batch, e.workspaceId().value(), e.ownerId(), "OWNER", at, by);
    }

    @EventHandler
    void on(MemberAddedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        upsertMember(SqlBatch.current(jdbc), e.workspaceId().value(), e.userId(), e.role().name(), at, by);
    }

    @EventHandler
    void on(MemberRoleChangedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("UPDATE workspace_members SET role = ?, updated_at = ?, updated_by = ? WHERE workspace_id = ? AND user_id = ?",
                e.role().name(), ts(at), by, e.workspaceId().value(), e.userId());
    }

    @EventHandler
    void on(MemberRemovedEvent e) {
        SqlBatch.current(jdbc).add("DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                e.workspaceId().value(), e.userId());
    }

    private static void upsertMember(SqlBatch batch, java.util.UUID workspace, String userId, String role, Instant at, String by) {
        batch.add("""
                INSERT INTO workspace_members (workspace_id, user_id, role, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
                workspace, userId, role, ts(at), by, ts(at), by);
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
