package io.guestlist.query.guestlist;

import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static io.guestlist.query.guestlist.GuestListSql.ts;

/**
 * People, their identities and their memberships with since/until history. A membership is keyed
 * by the global position of the event that began it, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(GuestListSql.GROUP)
class PeopleProjection {

    private static final String END_MEMBERSHIP = """
            UPDATE memberships SET until = ?, ended_by = ?
             WHERE person_id = ? AND until IS NULL AND since_position < ?""";
    private static final String BEGIN_MEMBERSHIP = """
            INSERT INTO memberships (person_id, since_position, unit_id, workspace_id, since, created_by)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

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
    void on(PersonAddedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, TrackingToken token) {
        Phone phone = e.phone();
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("""
                        WITH person AS (
                            INSERT INTO people (person_id, workspace_id, name, phone_e164, phone_raw, phone_invalid_reason, phone_mobile,
                                                status, unit_id, created_at, created_by, updated_at, updated_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING
                        ), identity AS (
                            INSERT INTO identities (workspace_id, phone_e164, person_id, claimed_at, claimed_by)
                            SELECT ?, ?::varchar, ?, ?, ? WHERE ?::varchar IS NOT NULL ON CONFLICT DO NOTHING
                        )
                        INSERT INTO memberships (person_id, since_position, unit_id, workspace_id, since, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.personId().value(), e.workspaceId().value(), e.name(), e164(phone), raw(phone), reason(phone), phone != null && phone.mobile(),
                e.unitId().value(), ts(at), by, ts(at), by,
                e.workspaceId().value(), e164(phone), e.personId().value(), ts(at), by, e164(phone),
                e.personId().value(), position(token), e.unitId().value(), e.workspaceId().value(), ts(at), by);
        sql.unitChanged(batch, e.unitId().value());
    }

    @EventHandler
    void on(PersonRenamedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("UPDATE people SET name = ?, updated_at = ?, updated_by = ? WHERE person_id = ?",
                e.name(), ts(at), by, e.personId().value());
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
    void on(PersonMovedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, TrackingToken token) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(END_MEMBERSHIP, ts(at), by, e.personId().value(), position(token));
        batch.add(BEGIN_MEMBERSHIP, e.personId().value(), position(token), e.toUnitId().value(), e.workspaceId().value(), ts(at), by);
        setUnit(batch, e.personId().value(), "ACTIVE", e.toUnitId().value(), at, by);
        sql.unitChanged(batch, e.fromUnitId().value());
        sql.unitChanged(batch, e.toUnitId().value());
    }

    @EventHandler
    void on(PersonRemovedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, TrackingToken token) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(END_MEMBERSHIP, ts(at), by, e.personId().value(), position(token));
        setUnit(batch, e.personId().value(), "REMOVED", null, at, by);
        sql.unitChanged(batch, e.fromUnitId().value());
    }

    /** An undone import's new guest: membership ended and identity released; the row stays, REMOVED, for the history. */
    @EventHandler
    void on(PersonDeletedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, TrackingToken token) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(END_MEMBERSHIP, ts(at), by, e.personId().value(), position(token));
        batch.add("DELETE FROM identities WHERE person_id = ?", e.personId().value());
        setUnit(batch, e.personId().value(), "REMOVED", null, at, by);
        if (e.fromUnitId() != null) {
            sql.unitChanged(batch, e.fromUnitId().value());
        }
    }

    @EventHandler
    void on(PersonReactivatedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by, TrackingToken token) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add(END_MEMBERSHIP, ts(at), by, e.personId().value(), position(token));
        batch.add(BEGIN_MEMBERSHIP, e.personId().value(), position(token), e.unitId().value(), e.workspaceId().value(), ts(at), by);
        setUnit(batch, e.personId().value(), "ACTIVE", e.unitId().value(), at, by);
        sql.unitChanged(batch, e.unitId().value());
    }

    private static void setUnit(SqlBatch batch, UUID person, String status, UUID unit, Instant at, String by) {
        batch.add("UPDATE people SET status = ?, unit_id = ?, updated_at = ?, updated_by = ? WHERE person_id = ?",
                status, unit, ts(at), by, person);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a guest-list event without a global position"));
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
