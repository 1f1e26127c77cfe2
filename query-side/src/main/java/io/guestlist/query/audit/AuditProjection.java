package io.guestlist.query.audit;

import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonErasedEvent;
import io.guestlist.query.privacy.PersonalDataSerializer;
import io.guestlist.query.support.EventPosition;
import io.guestlist.query.support.RowsWrite;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit feed: one row per domain event of any type, keyed by its global position (looked up by
 * {@link EventPosition}, never taken from the token), so the same event twice changes nothing. Its own processing group, so the feed never holds back (or is held
 * back by) the guest list. Events that name no workspace (none today) are not audited.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection {

    public static final String GROUP = Projections.AUDIT;
    public static final String TABLE = "audit_log";

    private static final RowsWrite INSERT = new RowsWrite("""
            INSERT INTO audit_log (position, workspace_id, aggregate_id, aggregate_type, sequence, type, time,
                                   member_id, correlation_id, unit_ids, data)
            SELECT e.global_index, r.workspace_id, r.aggregate_id, r.aggregate_type, r.sequence, r.type, r.time,
                   r.member_id, r.correlation_id, r.unit_ids::uuid[], r.data::jsonb
              FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::text[],
                          ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                   AS r(event_id, workspace_id, aggregate_id, aggregate_type, sequence, type, time, member_id,
                        correlation_id, unit_ids, data, ord)
              LEFT JOIN domain_event_entry e ON e.event_identifier = r.event_id
             ORDER BY r.ord
            ON CONFLICT (position) DO NOTHING""", Set.of(TABLE, "domain_event_entry"));

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AuditProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** A replay starts from an empty feed. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE audit_log");
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        Optional<UUID> workspace = EventData.workspaceOf(payload);
        if (workspace.isEmpty() || !(event instanceof DomainEventMessage<?> domain)) {
            return;
        }
        SqlBatch.current(jdbc).add(INSERT, event.getIdentifier(), workspace.get(), UUID.fromString(domain.getAggregateIdentifier()),
                domain.getType(), domain.getSequenceNumber(), EventData.type(domain.getPayloadType()),
                domain.getTimestamp(), text(domain.getMetaData().get(Attribution.MEMBER_ID)),
                text(domain.getMetaData().get(Attribution.CORRELATION_ID)), EventData.unitsNamedBy(payload), EventData.json(payload, serializer));
        if (payload instanceof PersonErasedEvent erased) {
            showErased(erased);
        }
    }

    /**
     * The feed keeps an erased person's entries (type, time, actor, correlation) but not their data:
     * their events are read again, with the key asked for afresh (gone), and their rows rewritten as
     * erased, exactly as a replay writes them.
     */
    private void showErased(PersonErasedEvent e) {
        String person = e.personId().toString();
        PersonalDataSerializer.forget(serializer, person);
        SqlBatch batch = SqlBatch.current(jdbc);
        for (TrackedEventMessage<?> event : new StoredEvents(jdbc, serializer).select(
                "WHERE aggregate_identifier = ? ORDER BY sequence_number", person)) {
            batch.add("UPDATE audit_log SET data = ?::jsonb WHERE position = ?", EventData.json(event.getPayload(), serializer),
                    StoredEvents.position(event));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
