package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The guest-list projections against PostgreSQL with the real migrations: what each event writes and derives. */
class GuestListProjectionTest {

    static final String PHONE_RAW = "+91 98111 22233";
    static final String PHONE = "+919811122233";
    static final String OTHER_PHONE = "+919811144455";

    private static JdbcTemplate jdbc;

    private GuestListDriver events;
    private final WorkspaceId workspace = WorkspaceId.random();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(GuestListProjectionTest.class);
    }

    @BeforeEach
    void emptyTables() {
        events = new GuestListDriver(jdbc);
        events.reset();
    }

    @Test
    void unitCreatedWithTags_writesUnitTagsAndUnitTags() {
        UnitId unit = UnitId.random();
        long at = events.handle(new UnitCreatedEvent(unit, workspace, "The Sharma Family", "Bride", Set.of("family", "vip")));

        Map<String, Object> row = unit(unit);
        assertThat(row).containsEntry("workspace_id", workspace.value()).containsEntry("name", "The Sharma Family")
                .containsEntry("side", "Bride").containsEntry("status", "ACTIVE").containsEntry("member_count", 0)
                .containsEntry("inviteable", false).containsEntry("created_by", GuestListDriver.BY)
                .containsEntry("created_at", Timestamp.from(events.timeOf(at)));
        assertThat(row.get("invite_target")).isNull();
        assertThat(jdbc.queryForList("SELECT name FROM tags WHERE workspace_id = ? ORDER BY name", String.class, workspace.value()))
                .containsExactly("family", "vip");
        assertThat(jdbc.queryForList("SELECT tag FROM unit_tags WHERE unit_id = ? AND workspace_id = ? ORDER BY tag", String.class,
                unit.value(), workspace.value())).containsExactly("family", "vip");
    }

    @Test
    void personAddedWithValidPhone_claimsIdentityAndBecomesInviteTarget() {
        UnitId unit = aUnit("The Sharmas");
        PersonId asha = PersonId.random();
        long at = events.handle(new PersonAddedEvent(asha, workspace, unit, "Asha", phone(PHONE_RAW)));

        assertThat(person(asha)).containsEntry("phone_e164", PHONE).containsEntry("phone_raw", PHONE_RAW)
                .containsEntry("phone_mobile", true).containsEntry("status", "ACTIVE").containsEntry("unit_id", unit.value())
                .containsEntry("name", "Asha");
        assertThat(jdbc.queryForList("SELECT person_id FROM identities WHERE workspace_id = ? AND phone_e164 = ?", UUID.class,
                workspace.value(), PHONE)).containsExactly(asha.value());
        assertThat(memberships(asha)).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("since_position", at).containsEntry("unit_id", unit.value())
                .containsEntry("since", Timestamp.from(events.timeOf(at))).containsEntry("until", null));
        assertThat(unit(unit)).containsEntry("invite_target", PHONE).containsEntry("contact_id", asha.value())
                .containsEntry("member_count", 1).containsEntry("inviteable", true);
    }

    @Test
    void personAddedWithMalformedPhone_keepsRawText_claimsNothing_unitNotInviteable() {
        UnitId unit = aUnit("The Guptas");
        PersonId ravi = PersonId.random();
        events.handle(new PersonAddedEvent(ravi, workspace, unit, "Ravi", phone("12345")));

        Map<String, Object> row = person(ravi);
        assertThat(row).containsEntry("phone_raw", "12345").containsEntry("phone_e164", null).containsEntry("phone_mobile", false);
        assertThat(row.get("phone_invalid_reason")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identities", Integer.class)).isZero();
        assertThat(unit(unit)).containsEntry("member_count", 1).containsEntry("invite_target", null)
                .containsEntry("contact_id", null).containsEntry("inviteable", false);
    }

    @Test
    void personMoved_endsOldMembership_beginsNew_andRederivesBothUnits() {
        UnitId from = aUnit("From");
        UnitId to = aUnit("To");
        PersonId asha = PersonId.random();
        PersonId kid = PersonId.random();
        long added = events.handle(new PersonAddedEvent(asha, workspace, from, "Asha", phone(PHONE_RAW)));
        events.handle(new PersonAddedEvent(kid, workspace, to, "Kid", null));

        long moved = events.handle(new PersonMovedEvent(asha, workspace, from, to));

        List<Map<String, Object>> history = memberships(asha);
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("since_position", added).containsEntry("unit_id", from.value())
                .containsEntry("until", Timestamp.from(events.timeOf(moved))).containsEntry("ended_by", GuestListDriver.BY);
        assertThat(history.get(1)).containsEntry("since_position", moved).containsEntry("unit_id", to.value())
                .containsEntry("until", null);
        assertThat(person(asha)).containsEntry("unit_id", to.value()).containsEntry("status", "ACTIVE");
        assertThat(unit(from)).containsEntry("member_count", 0).containsEntry("invite_target", null).containsEntry("inviteable", false);
        assertThat(unit(to)).containsEntry("member_count", 2).containsEntry("invite_target", PHONE)
                .containsEntry("contact_id", asha.value()).containsEntry("inviteable", true);
    }

    @Test
    void personRemoved_endsMembership_keepsIdentity_unitLosesTarget() {
        UnitId unit = aUnit("The Sharmas");
        PersonId asha = PersonId.random();
        events.handle(new PersonAddedEvent(asha, workspace, unit, "Asha", phone(PHONE_RAW)));

        long removed = events.handle(new PersonRemovedEvent(asha, workspace, unit));

        assertThat(person(asha)).containsEntry("status", "REMOVED").containsEntry("unit_id", null);
        assertThat(memberships(asha)).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("until", Timestamp.from(events.timeOf(removed))));
        assertThat(jdbc.queryForObject("SELECT person_id FROM identities WHERE phone_e164 = ?", UUID.class, PHONE)).isEqualTo(asha.value());
        assertThat(unit(unit)).containsEntry("member_count", 0).containsEntry("invite_target", null).containsEntry("inviteable", false);
    }

    @Test
    void personDeleted_leavesTheReadModel_releasesIdentity_soAnotherPersonCanHoldThePhone() {
        UnitId unit = aUnit("The Sharmas");
        PersonId asha = PersonId.random();
        PersonId ravi = PersonId.random();
        events.handle(new PersonAddedEvent(asha, workspace, unit, "Asha", phone(PHONE_RAW)));

        events.handle(new PersonDeletedEvent(asha, workspace, unit));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM people WHERE person_id = ?", Integer.class, asha.value())).isZero();
        assertThat(memberships(asha)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identities", Integer.class)).isZero();
        assertThat(unit(unit)).containsEntry("member_count", 0).containsEntry("invite_target", null);

        events.handle(new PersonAddedEvent(ravi, workspace, unit, "Ravi", phone(PHONE_RAW)));
        assertThat(jdbc.queryForObject("SELECT person_id FROM identities WHERE phone_e164 = ?", UUID.class, PHONE)).isEqualTo(ravi.value());
        assertThat(unit(unit)).containsEntry("contact_id", ravi.value()).containsEntry("invite_target", PHONE);
    }

    @Test
    void unitArchived_isNotInviteable_untilRestored() {
        UnitId unit = aUnit("The Sharmas");
        events.handle(new PersonAddedEvent(PersonId.random(), workspace, unit, "Asha", phone(PHONE_RAW)));

        events.handle(new UnitArchivedEvent(unit, workspace));
        assertThat(unit(unit)).containsEntry("status", "ARCHIVED").containsEntry("inviteable", false).containsEntry("member_count", 1);

        events.handle(new UnitRestoredEvent(unit, workspace));
        assertThat(unit(unit)).containsEntry("status", "ACTIVE").containsEntry("inviteable", true);
    }

    @Test
    void primaryContact_isTheChosenMember_elseTheFirstMemberWithAValidPhone() {
        UnitId unit = aUnit("The Sharmas");
        PersonId kid = PersonId.random();
        PersonId asha = PersonId.random();
        PersonId vikram = PersonId.random();
        events.handle(new PersonAddedEvent(kid, workspace, unit, "Kid", null));
        events.handle(new PersonAddedEvent(asha, workspace, unit, "Asha", phone(PHONE_RAW)));
        events.handle(new PersonAddedEvent(vikram, workspace, unit, "Vikram", phone(OTHER_PHONE)));
        assertThat(unit(unit)).containsEntry("contact_id", asha.value()).containsEntry("invite_target", PHONE);

        events.handle(new PrimaryContactChosenEvent(unit, workspace, vikram));
        assertThat(unit(unit)).containsEntry("chosen_contact_id", vikram.value()).containsEntry("contact_id", vikram.value())
                .containsEntry("invite_target", OTHER_PHONE).containsEntry("inviteable", true);

        events.handle(new PrimaryContactChosenEvent(unit, workspace, kid));
        assertThat(unit(unit)).containsEntry("contact_id", kid.value()).containsEntry("invite_target", null)
                .containsEntry("inviteable", false);

        events.handle(new PersonMovedEvent(kid, workspace, unit, aUnit("Elsewhere")));
        assertThat(unit(unit)).as("a chosen contact who left no longer counts")
                .containsEntry("contact_id", asha.value()).containsEntry("invite_target", PHONE);
    }

    /**
     * A phone passes from one person to another, in another unit, within one batch: the first
     * unit's old target must be gone before the second unit takes it (SPEC §2.3), whatever else the
     * batch holds.
     */
    @Test
    void phoneHandedOverWithinOneBatch_keepsOneActiveTargetPerPhone() {
        UnitId first = aUnit("First");
        UnitId second = aUnit("Second");
        UnitId third = aUnit("Third");
        PersonId asha = PersonId.random();
        PersonId ravi = PersonId.random();
        events.handle(new PersonAddedEvent(asha, workspace, first, "Asha", phone(PHONE_RAW)));

        events.inOneBatch(
                new PersonAddedEvent(PersonId.random(), workspace, third, "Kid", null),
                new PersonPhoneChangedEvent(asha, workspace, phone(OTHER_PHONE)),
                new PersonAddedEvent(ravi, workspace, second, "Ravi", phone(PHONE_RAW)));

        assertThat(unit(first)).containsEntry("invite_target", OTHER_PHONE).containsEntry("contact_id", asha.value());
        assertThat(unit(second)).containsEntry("invite_target", PHONE).containsEntry("contact_id", ravi.value());
        assertThat(jdbc.queryForList("SELECT phone_e164, person_id FROM identities ORDER BY phone_e164"))
                .containsExactly(Map.of("phone_e164", PHONE, "person_id", ravi.value()),
                        Map.of("phone_e164", OTHER_PHONE, "person_id", asha.value()));
    }

    private UnitId aUnit(String name) {
        UnitId unit = UnitId.random();
        events.handle(new UnitCreatedEvent(unit, workspace, name, null, Set.of()));
        return unit;
    }

    static Phone phone(String raw) {
        return PhoneNormalizer.parse(raw, null, "IN").orElseThrow();
    }

    private Map<String, Object> unit(UnitId unit) {
        return jdbc.queryForMap("SELECT * FROM guest_units WHERE unit_id = ?", unit.value());
    }

    private Map<String, Object> person(PersonId person) {
        return jdbc.queryForMap("SELECT * FROM people WHERE person_id = ?", person.value());
    }

    private List<Map<String, Object>> memberships(PersonId person) {
        return jdbc.queryForList("SELECT * FROM memberships WHERE person_id = ? ORDER BY since_position", person.value());
    }
}
