package io.guestlist.query.workspace;

import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.Role;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Workspaces, members and sides against PostgreSQL with the real migrations; every event handled twice changes nothing. */
class GovernanceProjectionTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("workspaces", "workspace_id");
        TABLES.put("workspace_members", "workspace_id, user_id");
        TABLES.put("sides", "workspace_id, name");
    }

    private static JdbcTemplate jdbc;

    private GovernanceProjection projection;
    private final WorkspaceId workspace = WorkspaceId.random();
    private final WorkspaceCreatedEvent created =
            new WorkspaceCreatedEvent(workspace, "Wedding of Asha", "IN", List.of("Bride", "Groom", "Both"), "alice");

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(GovernanceProjectionTest.class);
    }

    @BeforeEach
    void emptyTables() {
        projection = new GovernanceProjection(jdbc);
        jdbc.execute("TRUNCATE workspaces, workspace_members, sides");
    }

    @Test
    void workspaceCreated_writesWorkspace_sidesInOrder_andOwner() {
        projection.on(created, CREATED, "alice");

        assertThat(jdbc.queryForMap("SELECT * FROM workspaces WHERE workspace_id = ?", workspace.value()))
                .containsEntry("name", "Wedding of Asha").containsEntry("default_region", "IN")
                .containsEntry("created_at", Timestamp.from(CREATED)).containsEntry("created_by", "alice");
        assertThat(jdbc.queryForList("SELECT name FROM sides WHERE workspace_id = ? ORDER BY position", String.class, workspace.value()))
                .containsExactly("Bride", "Groom", "Both");
        assertThat(role("alice")).isEqualTo("OWNER");
    }

    @Test
    void memberAdded_roleChanged_removed() {
        projection.on(created, CREATED, "alice");

        projection.on(new MemberAddedEvent(workspace, "erin", Role.EDITOR), LATER, "alice");
        assertThat(role("erin")).isEqualTo("EDITOR");

        projection.on(new MemberRoleChangedEvent(workspace, "erin", Role.VIEWER), LATER.plusSeconds(1), "bob");
        assertThat(jdbc.queryForMap("SELECT * FROM workspace_members WHERE workspace_id = ? AND user_id = 'erin'", workspace.value()))
                .containsEntry("role", "VIEWER").containsEntry("created_by", "alice").containsEntry("created_at", Timestamp.from(LATER))
                .containsEntry("updated_by", "bob").containsEntry("updated_at", Timestamp.from(LATER.plusSeconds(1)));

        projection.on(new MemberRemovedEvent(workspace, "erin"));
        assertThat(jdbc.queryForList("SELECT user_id FROM workspace_members WHERE workspace_id = ?", String.class, workspace.value()))
                .containsExactly("alice");
    }

    @Test
    void workspaceCreated_twice_changesNothing() {
        assertSecondHandlingChangesNothing(() -> projection.on(created, CREATED, "alice"));
    }

    @Test
    void memberAdded_twice_changesNothing() {
        projection.on(created, CREATED, "alice");
        assertSecondHandlingChangesNothing(() -> projection.on(new MemberAddedEvent(workspace, "erin", Role.EDITOR), LATER, "alice"));
    }

    @Test
    void memberRoleChanged_twice_changesNothing() {
        projection.on(created, CREATED, "alice");
        projection.on(new MemberAddedEvent(workspace, "erin", Role.EDITOR), LATER, "alice");
        assertSecondHandlingChangesNothing(() -> projection.on(new MemberRoleChangedEvent(workspace, "erin", Role.VIEWER), LATER.plusSeconds(1), "alice"));
    }

    @Test
    void memberRemoved_twice_changesNothing() {
        projection.on(created, CREATED, "alice");
        projection.on(new MemberAddedEvent(workspace, "erin", Role.EDITOR), LATER, "alice");
        assertSecondHandlingChangesNothing(() -> projection.on(new MemberRemovedEvent(workspace, "erin")));
    }

    private void assertSecondHandlingChangesNothing(Runnable handling) {
        var before = ReadModelDatabase.dump(jdbc, TABLES);
        handling.run();
        var once = ReadModelDatabase.dump(jdbc, TABLES);
        assertThat(once).as("the first handling changes the read model").isNotEqualTo(before);

        handling.run();

        assertThat(ReadModelDatabase.dump(jdbc, TABLES)).isEqualTo(once);
    }

    private String role(String user) {
        return jdbc.queryForObject("SELECT role FROM workspace_members WHERE workspace_id = ? AND user_id = ?", String.class,
                workspace.value(), user);
    }
}
