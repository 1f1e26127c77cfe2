package io.guestlist.query.workspace;

import io.guestlist.query.support.Projections;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import io.guestlist.kernel.workspace.WorkspaceDefaultRegionChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceRenamedEvent;
import io.guestlist.kernel.workspace.WorkspaceSidesSetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Workspaces, their members and their sides. Its processing group is subscribing and propagates
 * errors (see {@link GovernanceConfig}): it writes in the transaction that appends the events, so a
 * membership and its events commit or roll back together. A rebuild feeds it from the event store
 * into a shadow schema. Idempotent: every write is an upsert or a delete. The events are few, so
 * each write goes at once.
 */
@Component
@ProcessingGroup(GovernanceProjection.GROUP)
class GovernanceProjection {

    static final String GROUP = Projections.GOVERNANCE;

    private final JdbcTemplate jdbc;

    GovernanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        jdbc.update("""
                INSERT INTO workspaces (workspace_id, name, default_region, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id) DO NOTHING""",
                e.workspaceId().value(), e.name(), e.defaultRegion(), ts(at), by, ts(at), by);
        for (int i = 0; i < e.sides().size(); i++) {
            jdbc.update("INSERT INTO sides (workspace_id, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    e.workspaceId().value(), e.sides().get(i), i);
        }
        upsertMember(e.workspaceId().value(), e.ownerId(), "OWNER", at, by);
    }

    @EventHandler
    void on(WorkspaceRenamedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        jdbc.update("UPDATE workspaces SET name = ?, updated_at = ?, updated_by = ? WHERE workspace_id = ?",
                e.name(), ts(at), by, e.workspaceId().value());
    }

    @EventHandler
    void on(WorkspaceDefaultRegionChangedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        jdbc.update("UPDATE workspaces SET default_region = ?, updated_at = ?, updated_by = ? WHERE workspace_id = ?",
                e.defaultRegion(), ts(at), by, e.workspaceId().value());
    }

    /** The sides as listed now; units with a renamed side are set to the new name by events of their own. */
    @EventHandler
    void on(WorkspaceSidesSetEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        jdbc.update("DELETE FROM sides WHERE workspace_id = ?", e.workspaceId().value());
        for (int i = 0; i < e.sides().size(); i++) {
            jdbc.update("INSERT INTO sides (workspace_id, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    e.workspaceId().value(), e.sides().get(i), i);
        }
        jdbc.update("UPDATE workspaces SET updated_at = ?, updated_by = ? WHERE workspace_id = ?", ts(at), by, e.workspaceId().value());
    }

    @EventHandler
    void on(MemberAddedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        upsertMember(e.workspaceId().value(), e.userId(), e.role().name(), at, by);
    }

    @EventHandler
    void on(MemberRoleChangedEvent e, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(Attribution.MEMBER_ID) String by) {
        jdbc.update("UPDATE workspace_members SET role = ?, updated_at = ?, updated_by = ? WHERE workspace_id = ? AND user_id = ?",
                e.role().name(), ts(at), by, e.workspaceId().value(), e.userId());
    }

    @EventHandler
    void on(MemberRemovedEvent e) {
        jdbc.update("DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                e.workspaceId().value(), e.userId());
    }

    private void upsertMember(java.util.UUID workspace, String userId, String role, Instant at, String by) {
        jdbc.update("""
                INSERT INTO workspace_members (workspace_id, user_id, role, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
                workspace, userId, role, ts(at), by, ts(at), by);
    }

    /**
     * To the millisecond, as the event store keeps an event's time: handled in the command's transaction
     * the event still has its full precision, replayed from the store it has not.
     */
    static Timestamp ts(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS));
    }
}
