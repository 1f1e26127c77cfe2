package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.query.audience.AudienceTotals;
import io.guestlist.query.support.ReadModelDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the guest-list projections as their processor does: each event at the next global
 * position, one second after the previous one, by {@link #BY}. Outside {@link #inOneBatch} every
 * write goes to the database at once.
 */
final class GuestListDriver {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String BY = "alice";

    /** The guest-list tables and their primary keys. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("guest_units", "unit_id");
        TABLES.put("tags", "workspace_id, name");
        TABLES.put("unit_tags", "unit_id, tag");
        TABLES.put("people", "person_id");
        TABLES.put("identities", "workspace_id, phone_e164");
        TABLES.put("memberships", "person_id, since_position");
    }

    private final JdbcTemplate jdbc;
    private final GuestUnitProjection units;
    private final PeopleProjection people;
    private long position;

    GuestListDriver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        GuestListSql sql = new GuestListSql(jdbc, new AudienceTotals(jdbc));
        this.units = new GuestUnitProjection(jdbc, sql);
        this.people = new PeopleProjection(jdbc, sql);
    }

    /** Empties the tables the way a replay does. */
    void reset() {
        units.reset();
        people.reset();
    }

    /** Handles the event at the next position and returns that position. */
    long handle(Object event) {
        handleAt(++position, event);
        return position;
    }

    /** Handles the event as if delivered (again) at {@code at}. */
    void handleAt(long at, Object event) {
        Instant time = START.plusSeconds(at);
        String token = stored(at, time);
        if (event instanceof UnitCreatedEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitRenamedEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitArchivedEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitRestoredEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitSideSetEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitTagsAddedEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitTagsRemovedEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof UnitDiscardedEvent e) {
            units.on(e);
        } else if (event instanceof PrimaryContactChosenEvent e) {
            units.on(e, time, BY);
        } else if (event instanceof PersonAddedEvent e) {
            people.on(e, time, BY, token);
        } else if (event instanceof PersonRenamedEvent e) {
            people.on(e, time, BY);
        } else if (event instanceof PersonPhoneChangedEvent e) {
            people.on(e, time, BY);
        } else if (event instanceof PersonMovedEvent e) {
            people.on(e, time, BY, token);
        } else if (event instanceof PersonRemovedEvent e) {
            people.on(e, time, BY, token);
        } else if (event instanceof PersonDeletedEvent e) {
            people.on(e);
        } else if (event instanceof PersonReactivatedEvent e) {
            people.on(e, time, BY, token);
        } else {
            throw new IllegalArgumentException("no guest-list handler for " + event);
        }
    }

    /**
     * The identifier of the event at {@code at}, with a row for it in the event table: projections
     * keyed by event position look the event's global index up by its identifier.
     */
    private String stored(long at, Instant time) {
        String id = "event-" + at;
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                                                payload_type, payload)
                VALUES (?, ?, ?, 0, ?, 'test', ''::bytea) ON CONFLICT DO NOTHING""", at, id, id, time.toString());
        return id;
    }

    /** Handles the events in one unit of work, as a processor handles one batch: writes flush at its commit. */
    void inOneBatch(Object... events) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            for (Object event : events) {
                handle(event);
            }
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
    }

    Instant timeOf(long at) {
        return START.plusSeconds(at);
    }

    Map<String, List<Map<String, Object>>> dump() {
        return ReadModelDatabase.dump(jdbc, TABLES);
    }
}
