package io.guestlist.query.guestlist;

import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read side's own backstops, hit with plain SQL: SPEC §2.1, §2.2 and §2.3 as unique indexes. */
class ReadModelConstraintsTest {

    private static final String PHONE = "+919811122233";

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(ReadModelConstraintsTest.class);
    }

    @Test
    void twoActiveUnitsWithOneInviteTarget_areRejected() {
        UUID workspace = UUID.randomUUID();
        insertUnit(workspace, "ACTIVE", PHONE);

        assertThatThrownBy(() -> insertUnit(workspace, "ACTIVE", PHONE))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("uq_guest_units_active_invite_target");
    }

    @Test
    void archivedUnits_andOtherWorkspaces_mayShareATarget() {
        UUID workspace = UUID.randomUUID();
        insertUnit(workspace, "ACTIVE", PHONE);
        insertUnit(workspace, "ARCHIVED", PHONE);
        insertUnit(workspace, "ARCHIVED", PHONE);
        insertUnit(UUID.randomUUID(), "ACTIVE", PHONE);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM guest_units WHERE workspace_id = ? AND invite_target = ?", Integer.class,
                workspace, PHONE)).isEqualTo(3);
    }

    @Test
    void restoringAUnitWhoseTargetAnotherActiveUnitHolds_isRejected() {
        UUID workspace = UUID.randomUUID();
        insertUnit(workspace, "ACTIVE", PHONE);
        UUID archived = insertUnit(workspace, "ARCHIVED", PHONE);

        assertThatThrownBy(() -> jdbc.update("UPDATE guest_units SET status = 'ACTIVE' WHERE unit_id = ?", archived))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("uq_guest_units_active_invite_target");
    }

    @Test
    void twoPeopleWithOnePhone_andTwoActiveMembershipsOfOnePerson_areRejected() {
        UUID workspace = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        jdbc.update("INSERT INTO identities (workspace_id, phone_e164, person_id, claimed_at, claimed_by) VALUES (?, ?, ?, now(), 'alice')",
                workspace, PHONE, person);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO identities (workspace_id, phone_e164, person_id, claimed_at, claimed_by) VALUES (?, ?, ?, now(), 'alice')",
                workspace, PHONE, UUID.randomUUID())).isInstanceOf(DuplicateKeyException.class);

        String membership = "INSERT INTO memberships (person_id, since_position, unit_id, workspace_id, since, created_by) VALUES (?, ?, ?, ?, now(), 'alice')";
        jdbc.update(membership, person, 1L, UUID.randomUUID(), workspace);
        assertThatThrownBy(() -> jdbc.update(membership, person, 2L, UUID.randomUUID(), workspace))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("uq_memberships_active_person");
    }

    private UUID insertUnit(UUID workspace, String status, String target) {
        UUID unit = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO guest_units (unit_id, workspace_id, name, status, invite_target, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, 'A unit', ?, ?, now(), 'alice', now(), 'alice')""", unit, workspace, status, target);
        return unit;
    }
}
