package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guestlist.query.guestlist.GuestListProjectionTest.OTHER_PHONE;
import static io.guestlist.query.guestlist.GuestListProjectionTest.PHONE_RAW;
import static io.guestlist.query.guestlist.GuestListProjectionTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery is at least once: for every guest-list event, handling it a second time (same
 * position, same time) leaves every guest-list table exactly as the first handling left it.
 */
class GuestListIdempotencyTest {

    private static JdbcTemplate jdbc;

    private GuestListDriver events;
    private final WorkspaceId workspace = WorkspaceId.random();
    private final UnitId sharmas = UnitId.random();
    private final UnitId guptas = UnitId.random();
    private final PersonId asha = PersonId.random();
    private final PersonId kid = PersonId.random();
    private final PersonId ravi = PersonId.random();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(GuestListIdempotencyTest.class);
    }

    /** Two units; Asha (valid phone) and a kid in the Sharmas; Ravi (malformed phone) removed from the Guptas. */
    @BeforeEach
    void aGuestList() {
        events = new GuestListDriver(jdbc);
        events.reset();
        events.handle(new UnitCreatedEvent(sharmas, workspace, "The Sharmas", "Bride", Set.of("family")));
        events.handle(new UnitCreatedEvent(guptas, workspace, "The Guptas", null, Set.of()));
        events.handle(new PersonAddedEvent(asha, workspace, sharmas, "Asha", phone(PHONE_RAW)));
        events.handle(new PersonAddedEvent(kid, workspace, sharmas, "Kid", null));
        events.handle(new PersonAddedEvent(ravi, workspace, guptas, "Ravi", phone("12345")));
        events.handle(new PersonRemovedEvent(ravi, workspace, guptas));
    }

    @Test
    void unitCreated_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitCreatedEvent(UnitId.random(), workspace, "The Kapoors", "Groom", Set.of("college", "vip")));
    }

    @Test
    void unitRenamed_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitRenamedEvent(sharmas, workspace, "Sharma Family"));
    }

    @Test
    void unitArchived_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitArchivedEvent(sharmas, workspace));
    }

    @Test
    void unitRestored_twice_changesNothing() {
        events.handle(new UnitArchivedEvent(sharmas, workspace));
        assertSecondHandlingChangesNothing(new UnitRestoredEvent(sharmas, workspace));
    }

    @Test
    void unitSideSet_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitSideSetEvent(sharmas, workspace, "Groom"));
    }

    @Test
    void unitTagsAdded_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitTagsAddedEvent(sharmas, workspace, Set.of("vip", "delhi")));
    }

    @Test
    void unitTagsRemoved_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new UnitTagsRemovedEvent(sharmas, workspace, Set.of("family")));
    }

    @Test
    void primaryContactChosen_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PrimaryContactChosenEvent(sharmas, workspace, kid));
    }

    @Test
    void personAdded_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonAddedEvent(PersonId.random(), workspace, guptas, "Vikram", phone(OTHER_PHONE)));
    }

    @Test
    void personRenamed_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonRenamedEvent(asha, workspace, "Asha Sharma"));
    }

    @Test
    void personPhoneChanged_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonPhoneChangedEvent(asha, workspace, phone(OTHER_PHONE)));
    }

    @Test
    void personPhoneRemoved_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonPhoneChangedEvent(asha, workspace, null));
    }

    @Test
    void personMoved_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonMovedEvent(asha, workspace, sharmas, guptas));
    }

    @Test
    void personRemoved_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonRemovedEvent(asha, workspace, sharmas));
    }

    @Test
    void personDeleted_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonDeletedEvent(asha, workspace, sharmas));
    }

    @Test
    void personReactivated_twice_changesNothing() {
        assertSecondHandlingChangesNothing(new PersonReactivatedEvent(ravi, workspace, sharmas));
    }

    /** The event must change something the first time (else the test proves nothing), and nothing the second. */
    private void assertSecondHandlingChangesNothing(Object event) {
        Map<String, List<Map<String, Object>>> before = events.dump();
        long position = events.handle(event);
        Map<String, List<Map<String, Object>>> once = events.dump();
        assertThat(once).as("the first handling changes the read model").isNotEqualTo(before);

        events.handleAt(position, event);

        assertThat(events.dump()).isEqualTo(once);
    }
}
