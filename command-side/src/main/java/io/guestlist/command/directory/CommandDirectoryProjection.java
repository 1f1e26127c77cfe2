package io.guestlist.command.directory;

import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.importrun.ImportCompletedEvent;
import io.guestlist.kernel.importrun.ImportFailedEvent;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.ImportRunPurgedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.importrun.ImportHouseholdsSurveyedEvent;
import io.guestlist.kernel.importrun.ImportUndoFailedEvent;
import io.guestlist.kernel.importrun.ImportUndoStartedEvent;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.workspace.WorkspaceDefaultRegionChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceSidesSetEvent;
import org.axonframework.messaging.annotation.MetaDataValue;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonErasedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.Role;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the command-side lookup tables (workspaces, roles, units with their side and tags, who is in
 * which unit) current.
 * Its processing group is subscribing and propagates errors: it runs inside the transaction that
 * appends the events, so a command's lookups and its events commit or roll back together.
 */
@Component
@ProcessingGroup(CommandDirectoryProjection.GROUP)
class CommandDirectoryProjection {

    static final String GROUP = "command-directory";

    private final JdbcClient jdbc;

    CommandDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreatedEvent e) {
        inOrder().sql("INSERT INTO cmd_workspace (workspace_id, default_region, sides) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(e.workspaceId().value(), e.defaultRegion(), e.sides().toArray(String[]::new)).update();
        upsertRole(e.workspaceId().value(), e.ownerId(), Role.OWNER);
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        upsertRole(e.workspaceId().value(), e.userId(), e.role());
    }

    @EventHandler
    void on(MemberRoleChangedEvent e) {
        upsertRole(e.workspaceId().value(), e.userId(), e.role());
    }

    @EventHandler
    void on(MemberRemovedEvent e) {
        inOrder().sql("DELETE FROM cmd_workspace_member WHERE workspace_id = ? AND user_id = ?")
                .params(e.workspaceId().value(), e.userId()).update();
    }

    @EventHandler
    void on(UnitCreatedEvent e) {
        PendingPlacements.current(jdbc).unit(e.unitId().value(), e.workspaceId().value(), e.name(), e.side(), e.tags());
    }

    @EventHandler
    void on(UnitSideSetEvent e) {
        inOrder().sql("UPDATE cmd_unit SET side = ? WHERE unit_id = ?").params(e.side(), e.unitId().value()).update();
    }

    @EventHandler
    void on(UnitTagsAddedEvent e) {
        inOrder().sql("""
                        INSERT INTO cmd_unit_tag (unit_id, workspace_id, tag) SELECT ?, ?, t FROM unnest(?::varchar[]) AS x(t)
                        ON CONFLICT DO NOTHING""")
                .params(e.unitId().value(), e.workspaceId().value(), e.tags().toArray(String[]::new)).update();
    }

    @EventHandler
    void on(UnitTagsRemovedEvent e) {
        inOrder().sql("DELETE FROM cmd_unit_tag WHERE unit_id = ? AND tag = ANY(?::varchar[])")
                .params(e.unitId().value(), e.tags().toArray(String[]::new)).update();
    }

    @EventHandler
    void on(WorkspaceSidesSetEvent e) {
        inOrder().sql("UPDATE cmd_workspace SET sides = ? WHERE workspace_id = ?")
                .params(e.sides().toArray(String[]::new), e.workspaceId().value()).update();
    }

    @EventHandler
    void on(WorkspaceDefaultRegionChangedEvent e) {
        inOrder().sql("UPDATE cmd_workspace SET default_region = ? WHERE workspace_id = ?")
                .params(e.defaultRegion(), e.workspaceId().value()).update();
    }

    @EventHandler
    void on(UnitRenamedEvent e) {
        inOrder().sql("UPDATE cmd_unit SET name = ? WHERE unit_id = ?").params(e.name(), e.unitId().value()).update();
    }

    @EventHandler
    void on(UnitArchivedEvent e) {
        inOrder().sql("UPDATE cmd_unit SET active = FALSE WHERE unit_id = ?").param(e.unitId().value()).update();
    }

    @EventHandler
    void on(UnitRestoredEvent e) {
        inOrder().sql("UPDATE cmd_unit SET active = TRUE WHERE unit_id = ?").param(e.unitId().value()).update();
    }

    @EventHandler
    void on(PersonAddedEvent e) {
        placeMember(e.personId().value(), e.unitId().value(), e.workspaceId().value());
    }

    @EventHandler
    void on(PersonMovedEvent e) {
        placeMember(e.personId().value(), e.toUnitId().value(), e.workspaceId().value());
    }

    @EventHandler
    void on(PersonReactivatedEvent e) {
        placeMember(e.personId().value(), e.unitId().value(), e.workspaceId().value());
    }

    @EventHandler
    void on(PersonRemovedEvent e) {
        inOrder().sql("DELETE FROM cmd_unit_member WHERE person_id = ?").param(e.personId().value()).update();
    }

    /** An undone import's new guest is gone: membership and phone identity released. */
    @EventHandler
    void on(PersonDeletedEvent e) {
        inOrder().sql("DELETE FROM cmd_unit_member WHERE person_id = ?").param(e.personId().value()).update();
        inOrder().sql("DELETE FROM cmd_phone_claim WHERE person_id = ?").param(e.personId().value()).update();
    }

    /**
     * Crypto-shredding, in the erasure's own transaction: the person's key becomes a tombstone, and the snapshots that may hold their data in another key go: their
     * own, and those of their workspace's import runs (which remember the phones seen). Snapshots are
     * only a shortcut; the aggregates are read from their events next time.
     */
    @EventHandler
    void on(PersonErasedEvent e) {
        String person = e.personId().toString();
        eraseKey(person);
        jdbc.sql("""
                        DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ? OR aggregate_identifier IN (
                            SELECT run_id::text FROM cmd_import_payload WHERE workspace_id = ?)""")
                .params(person, e.workspaceId().value()).update();
    }

    /** A purged run's key goes the same way; so does its snapshot, which remembers the phones the run saw. */
    @EventHandler
    void on(ImportRunPurgedEvent e) {
        String run = e.runId().toString();
        eraseKey(run);
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(run).update();
    }

    /** The subject's key becomes a tombstone: its secret gone for good, and no key is ever made for it again. */
    private void eraseKey(String subject) {
        inOrder().sql("""
                        INSERT INTO personal_data_key (subject_id, secret, erased_at) VALUES (?, NULL, now())
                        ON CONFLICT (subject_id) DO UPDATE SET secret = NULL, erased_at = now()""")
                .param(subject).update();
    }

    @EventHandler
    void on(UnitDiscardedEvent e) {
        inOrder().sql("DELETE FROM cmd_unit_tag WHERE unit_id = ?").param(e.unitId().value()).update();
        inOrder().sql("DELETE FROM cmd_unit WHERE unit_id = ?").param(e.unitId().value()).update();
    }

    /** Where a resumed run goes on from: recorded in the transaction that recorded the rows. */
    @EventHandler
    void on(ImportRowsRecordedEvent e) {
        int next = e.rows().get(e.rows().size() - 1).rowNumber() + 1;
        inOrder().sql("UPDATE cmd_import_payload SET next_row = GREATEST(next_row, ?) WHERE run_id = ?").params(next, e.runId().value()).update();
    }

    /** A resumed run does not survey its households again: flagged in the transaction that recorded the survey. */
    @EventHandler
    void on(ImportHouseholdsSurveyedEvent e) {
        inOrder().sql("UPDATE cmd_import_payload SET households_surveyed = TRUE WHERE run_id = ?").param(e.runId().value()).update();
    }

    /** An undo under way makes the run unfinished again, so another instance goes on with it if this one dies. */
    @EventHandler
    void on(ImportUndoStartedEvent e, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        inOrder().sql("UPDATE cmd_import_payload SET undo_by = ?, finished = FALSE WHERE run_id = ?").params(by, e.runId().value()).update();
    }

    @EventHandler
    void on(ImportUndoneEvent e) {
        inOrder().sql("UPDATE cmd_import_payload SET undo_by = NULL, finished = TRUE WHERE run_id = ?").param(e.runId().value()).update();
    }

    /** A failed undo is no one's work until it is asked for again. */
    @EventHandler
    void on(ImportUndoFailedEvent e) {
        inOrder().sql("UPDATE cmd_import_payload SET undo_by = NULL, finished = TRUE WHERE run_id = ?").param(e.runId().value()).update();
    }

    @EventHandler
    void on(ImportCompletedEvent e) {
        finish(e.runId().value());
    }

    @EventHandler
    void on(ImportFailedEvent e) {
        finish(e.runId().value());
    }

    /** The submitted payload (every cell in clear) is not kept past its run: the run's events hold the rows. */
    private void finish(java.util.UUID run) {
        inOrder().sql("UPDATE cmd_import_payload SET finished = TRUE, payload = ''::bytea WHERE run_id = ?").param(run).update();
    }

    private void upsertRole(java.util.UUID workspace, String userId, Role role) {
        inOrder().sql("""
                        INSERT INTO cmd_workspace_member (workspace_id, user_id, role) VALUES (?, ?, ?)
                        ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .params(workspace, userId, role.name()).update();
    }

    private void placeMember(java.util.UUID person, java.util.UUID unit, java.util.UUID workspace) {
        PendingPlacements.current(jdbc).member(person, unit, workspace);
    }

    /** Writes the pending placements first, so that this write comes after them, as its event does. */
    private JdbcClient inOrder() {
        PendingPlacements.current(jdbc).flush();
        return jdbc;
    }
}
