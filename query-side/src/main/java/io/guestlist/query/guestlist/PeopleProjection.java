package io.guestlist.query.guestlist;

import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonContactChangedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.query.support.EventPosition;
import io.guestlist.query.support.RowsWrite;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.guestlist.query.guestlist.GuestListSql.ts;

/**
 * People, their identities and their memberships with since/until history. A membership is keyed
 * by the global position of the event that began it, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(GuestListSql.GROUP)
class PeopleProjection {

    /**
     * Ends the person's open membership, then (reading the count forces that order, so the
     * one-open-membership index never sees two) begins one in the new unit and points the person
     * at it: one statement, so a batch of moves is one round trip.
     */
    private static final String MOVE = """
            WITH ended AS (
                UPDATE memberships SET until = ?, ended_by = ?
                 WHERE person_id = ? AND until IS NULL AND since_position < %1$s
                RETURNING person_id
            ), began AS (
                INSERT INTO memberships (person_id, since_position, unit_id, workspace_id, since, created_by)
                SELECT ?, %1$s, ?, ?, ?, ? FROM (SELECT count(*) FROM ended) AS done
                ON CONFLICT DO NOTHING
            )
            UPDATE people SET status = 'ACTIVE', unit_id = ?, updated_at = ?, updated_by = ? WHERE person_id = ?""".formatted(EventPosition.OF_EVENT);
    private static final String REMOVE = """
            WITH ended AS (
                UPDATE memberships SET until = ?, ended_by = ?
                 WHERE person_id = ? AND until IS NULL AND since_position < %s
            )
            UPDATE people SET status = 'REMOVED', unit_id = NULL, updated_at = ?, updated_by = ? WHERE person_id = ?""".formatted(EventPosition.OF_EVENT);

    /**
     * The person, the claim of a valid phone (the first person of the rows to name it, as one after
     * another) and the open membership. Handling an event twice changes nothing.
     */
    private static final RowsWrite ADD = new RowsWrite("""
            WITH r AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                                     ?::text[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[]) WITH ORDINALITY
                       AS r(person_id, workspace_id, name, phone_e164, phone_raw, phone_invalid_reason, phone_mobile,
                            email, notes, unit_id, at, by, event_id, ord)
            ), person AS (
                INSERT INTO people (person_id, workspace_id, name, phone_e164, phone_raw, phone_invalid_reason, phone_mobile,
                                    email, notes, status, unit_id, created_at, created_by, updated_at, updated_by)
                SELECT person_id, workspace_id, name, phone_e164, phone_raw, phone_invalid_reason, phone_mobile,
                       email, notes, 'ACTIVE', unit_id, at, by, at, by
                  FROM r ORDER BY ord
                ON CONFLICT (person_id) DO NOTHING
            ), identity AS (
                INSERT INTO identities (workspace_id, phone_e164, person_id, claimed_at, claimed_by)
                SELECT DISTINCT ON (workspace_id, phone_e164) workspace_id, phone_e164, person_id, at, by
                  FROM r WHERE phone_e164 IS NOT NULL ORDER BY workspace_id, phone_e164, ord
                ON CONFLICT DO NOTHING
            )
            INSERT INTO memberships (person_id, since_position, unit_id, workspace_id, since, created_by)
            SELECT r.person_id, e.global_index, r.unit_id, r.workspace_id, r.at, r.by
              FROM r LEFT JOIN domain_event_entry e ON e.event_identifier = r.event_id ORDER BY r.ord
            ON CONFLICT DO NOTHING""", Set.of("people", "identities", "memberships", "domain_event_entry"));

    private final JdbcTemplate jdbc;
    private final GuestListSql sql;

    PeopleProjection(JdbcTemplate jdbc, GuestListSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE people, identities, memberships");
    }

    @EventHandler
    void on(PersonAddedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, @MessageIdentifier String eventId) {
        Phone phone = e.phone();
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(ADD, e.personId().value(), e.workspaceId().value(), nameOf(e.name()), e164(phone), raw(phone), reason(phone),
                phone != null && phone.mobile(), e.email(), e.notes(), e.unitId().value(), at, by, eventId);
        sql.unitChanged(batch, e.unitId().value());
    }

    @EventHandler
    void on(PersonRenamedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("UPDATE people SET name = ?, updated_at = ?, updated_by = ? WHERE person_id = ?",
                nameOf(e.name()), ts(at), by, e.personId().value());
    }

    @EventHandler
    void on(PersonContactChangedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("UPDATE people SET email = ?, notes = ?, updated_at = ?, updated_by = ? WHERE person_id = ?",
                e.email(), e.notes(), ts(at), by, e.personId().value());
    }

    @EventHandler
    void on(PersonPhoneChangedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        Phone phone = e.phone();
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("""
                        UPDATE people SET phone_e164 = ?, phone_raw = ?, phone_invalid_reason = ?, phone_mobile = ?,
                                          updated_at = ?, updated_by = ?
                         WHERE person_id = ?""",
                e164(phone), raw(phone), reason(phone), phone != null && phone.mobile(), ts(at), by, e.personId().value());
        batch.add("DELETE FROM identities WHERE person_id = ? AND phone_e164 IS DISTINCT FROM ?", e.personId().value(), e164(phone));
        if (phone != null && phone.isValid()) {
            batch.add("INSERT INTO identities (workspace_id, phone_e164, person_id, claimed_at, claimed_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    e.workspaceId().value(), phone.e164(), e.personId().value(), ts(at), by);
        }
        sql.unitsOfPersonChanged(batch, e.personId().value());
    }

    @EventHandler
    void on(PersonMovedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, @MessageIdentifier String eventId) {
        SqlBatch batch = SqlBatch.current(jdbc);
        move(batch, e.personId().value(), e.toUnitId().value(), e.workspaceId().value(), at, by, eventId);
        sql.unitChanged(batch, e.fromUnitId().value());
        sql.unitChanged(batch, e.toUnitId().value());
    }

    @EventHandler
    void on(PersonRemovedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, @MessageIdentifier String eventId) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(REMOVE, ts(at), by, e.personId().value(), eventId, ts(at), by, e.personId().value());
        sql.unitChanged(batch, e.fromUnitId().value());
    }

    /** An undone import's new guest leaves the read model as it was before the import; the events keep the history. */
    @EventHandler
    void on(PersonDeletedEvent e) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("DELETE FROM memberships WHERE person_id = ?", e.personId().value());
        batch.add("DELETE FROM identities WHERE person_id = ?", e.personId().value());
        batch.add("DELETE FROM people WHERE person_id = ?", e.personId().value());
        if (e.fromUnitId() != null) {
            sql.unitChanged(batch, e.fromUnitId().value());
        }
    }

    @EventHandler
    void on(PersonReactivatedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, @MessageIdentifier String eventId) {
        SqlBatch batch = SqlBatch.current(jdbc);
        move(batch, e.personId().value(), e.unitId().value(), e.workspaceId().value(), at, by, eventId);
        sql.unitChanged(batch, e.unitId().value());
    }

    private static void move(SqlBatch batch, UUID person, UUID unit, UUID workspace, Instant at, String by, String eventId) {
        batch.add(MOVE, ts(at), by, person, eventId, person, eventId, unit, workspace, ts(at), by, unit, ts(at), by, person);
    }

    /** A name read back after its person was erased is null; the row is deleted by then (the erasure deletes first). */
    private static String nameOf(String name) {
        return name == null ? "" : name;
    }

    private static String e164(Phone phone) {
        return phone == null ? null : phone.e164();
    }

    private static String raw(Phone phone) {
        return phone == null ? null : phone.raw();
    }

    private static String reason(Phone phone) {
        return phone == null ? null : phone.reason();
    }
}
