package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guestlist.query.guestlist.GuestListProjectionTest.OTHER_PHONE;
import static io.guestlist.query.guestlist.GuestListProjectionTest.PHONE;
import static io.guestlist.query.guestlist.GuestListProjectionTest.PHONE_RAW;
import static io.guestlist.query.guestlist.GuestListProjectionTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch writes its new units and new people with one statement each, gathered past the
 * statements between them: the tables must come out as when the events are handled one after
 * another. Ravi names Asha's phone in an archived unit (which holds no target), so the claim goes
 * to whichever of them comes first; Asha is delivered twice.
 */
class GuestListBatchTest {

    private static JdbcTemplate jdbc;

    private final WorkspaceId workspace = WorkspaceId.random();
    private final UnitId sharmas = UnitId.random();
    private final UnitId guptas = UnitId.random();
    private final UnitId kapoors = UnitId.random();
    private final PersonId asha = PersonId.random();
    private final PersonId ravi = PersonId.random();
    private final PersonId kid = PersonId.random();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(GuestListBatchTest.class);
    }

    @Test
    void oneBatch_endsAsOneEventAfterAnother() {
        List<Object> history = List.of(
                new UnitCreatedEvent(sharmas, workspace, "The \"Sharmas\", Delhi", "Bride",
                        Set.of("a,b", "say \"hi\"", "back\\slash", "{brace}", "two words", "NULL")),
                new UnitCreatedEvent(guptas, workspace, "The Guptas", null, Set.of()),
                new UnitArchivedEvent(guptas, workspace),
                new PersonAddedEvent(asha, workspace, sharmas, "Asha", phone(PHONE_RAW)),
                new PersonAddedEvent(ravi, workspace, guptas, "Ravi", phone(PHONE_RAW)),
                new PersonAddedEvent(kid, workspace, sharmas, "Kid", null),
                new PersonMovedEvent(kid, workspace, sharmas, guptas),
                new UnitCreatedEvent(kapoors, workspace, "The Kapoors", "Groom", Set.of("a,b")),
                new PersonAddedEvent(PersonId.random(), workspace, kapoors, "Vik", phone("+91 98111 44455")),
                new PersonAddedEvent(asha, workspace, sharmas, "Asha", phone(PHONE_RAW)));

        GuestListDriver oneByOne = new GuestListDriver(jdbc);
        oneByOne.reset();
        history.forEach(oneByOne::handle);
        Map<String, List<Map<String, Object>>> expected = oneByOne.dump();

        GuestListDriver batched = new GuestListDriver(jdbc);
        batched.reset();
        batched.inOneBatch(history.toArray());

        assertThat(batched.dump()).isEqualTo(expected);
        assertThat(jdbc.queryForList("SELECT phone_e164, person_id FROM identities ORDER BY phone_e164"))
                .as("the first to name a phone claims it").hasSize(2)
                .contains(Map.of("phone_e164", PHONE, "person_id", asha.value()));
        assertThat(jdbc.queryForList("SELECT tag FROM unit_tags WHERE unit_id = ?", String.class, sharmas.value()))
                .containsExactlyInAnyOrder("a,b", "say \"hi\"", "back\\slash", "{brace}", "two words", "NULL");
        assertThat(jdbc.queryForObject("SELECT invite_target FROM guest_units WHERE unit_id = ?", String.class, kapoors.value()))
                .isEqualTo(OTHER_PHONE);
    }
}
