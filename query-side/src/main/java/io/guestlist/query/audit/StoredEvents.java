package io.guestlist.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads Axon's event table directly, for history, state as of an instant and rebuilds: the event
 * store is the source of truth for all three. Rows are deserialised by Axon's own event serializer
 * (lazily: a payload is read when asked for), as a tracked domain event whose token is its global
 * index, exactly as a streaming processor would receive it.
 */
@Component
public class StoredEvents {

    /** The columns {@link #message} reads, in the event table's own names. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Serializer serializer() {
        return serializer;
    }

    /** The events that {@code where} (over {@code domain_event_entry}, with its order and limit) selects. */
    public List<TrackedEventMessage<?>> select(String whereOrderLimit, Object... args) {
        List<TrackedEventData<byte[]>> rows = jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry " + whereOrderLimit,
                (rs, n) -> row(rs), args);
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, NoOpEventUpcaster.INSTANCE).toList();
    }

    /** An aggregate's events in sequence order, a page of them. */
    public List<TrackedEventMessage<?>> ofAggregate(String aggregateId, long offset, int limit) {
        return select("WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT ? OFFSET ?", aggregateId, limit, offset);
    }

    public long countOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId);
    }

    /** The aggregate's type and the workspace its first event names, when the aggregate exists. */
    public Optional<Origin> origin(String aggregateId) {
        return jdbc.query("""
                        SELECT type, convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId' FROM domain_event_entry
                         WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT 1""",
                (rs, n) -> new Origin(rs.getString(1), rs.getString(2)), aggregateId).stream().findFirst();
    }

    public record Origin(String aggregateType, String workspaceId) {
    }

    /** The highest global index in the store, 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    public static TrackedEventData<byte[]> row(ResultSet rs) throws SQLException {
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(rs.getLong(1), Collections.emptySet()),
                new GenericDomainEventEntry<>(rs.getString(5), rs.getString(3), rs.getLong(4), rs.getString(2), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
    }

    /** The global position of a tracked event. */
    public static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    public static DomainEventMessage<?> domain(TrackedEventMessage<?> event) {
        return (DomainEventMessage<?>) event;
    }
}
