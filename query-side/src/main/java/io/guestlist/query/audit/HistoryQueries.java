package io.guestlist.query.audit;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.query.audit.AuditViews.HistoryItem;
import io.guestlist.query.support.Page;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An aggregate's history, read from the event store by aggregate id in sequence order. The
 * aggregate must be of the kind the path names and belong to the workspace its first event names;
 * anything else is not found, so one workspace never learns of another's aggregates.
 */
@Component
class HistoryQueries {

    /** The path segment of each kind of aggregate, and the aggregate type Axon records for it. */
    static final Map<String, String> KINDS = Map.of("units", "GuestUnit", "people", "Person", "imports", "ImportRun",
            "events", "Occasion");

    private static final String PERSON = "Person";

    private final StoredEvents events;
    private final JdbcTemplate audit;

    HistoryQueries(StoredEvents events, JdbcTemplate audit) {
        this.events = events;
        this.audit = audit;
    }

    Page<HistoryItem> history(UUID workspace, String kind, UUID aggregate, int page, int size) {
        String type = KINDS.get(kind);
        String id = aggregate.toString();
        boolean ours = type != null && events.origin(id)
                .filter(o -> o.aggregateType().equals(type) && workspace.toString().equals(o.workspaceId())).isPresent();
        if (!ours) {
            throw GuestlistException.notFound("History");
        }
        if ("units".equals(kind)) {
            return unitHistory(workspace, aggregate, page, size);
        }
        List<HistoryItem> items = events.ofAggregate(id, (long) page * size, size).stream()
                .map(m -> item((DomainEventMessage<?>) m, StoredEvents.position(m))).toList();
        return new Page<>(items, page, size, events.countOf(id));
    }

    /**
     * A unit's own events interleaved, in store order, with the events of people joining and leaving it
     * (added, moved in or out, reactivated, removed, deleted): those are {@code Person} events, found
     * through the audit feed's {@code unit_ids} as the as-of reads find them, and marked with the person's id.
     */
    private Page<HistoryItem> unitHistory(UUID workspace, UUID unit, int page, int size) {
        List<HistoryItem> items = events.select("""
                        WHERE global_index IN (SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?
                                               UNION ALL
                                               SELECT position FROM audit_log
                                                WHERE unit_ids @> ARRAY[?]::uuid[] AND aggregate_type = ? AND workspace_id = ?)
                        ORDER BY global_index LIMIT ? OFFSET ?""", unit.toString(), unit, PERSON, workspace, size, (long) page * size)
                .stream().map(m -> item((DomainEventMessage<?>) m, StoredEvents.position(m))).toList();
        long people = audit.queryForObject("""
                SELECT count(*) FROM audit_log WHERE unit_ids @> ARRAY[?]::uuid[] AND aggregate_type = ? AND workspace_id = ?""",
                Long.class, unit, PERSON, workspace);
        return new Page<>(items, page, size, events.countOf(unit.toString()) + people);
    }

    private HistoryItem item(DomainEventMessage<?> event, long position) {
        UUID person = PERSON.equals(event.getType()) ? UUID.fromString(event.getAggregateIdentifier()) : null;
        return new HistoryItem(EventData.type(event.getPayloadType()), event.getTimestamp(),
                text(event.getMetaData().get(Attribution.MEMBER_ID)), text(event.getMetaData().get(Attribution.CORRELATION_ID)),
                event.getSequenceNumber(), position, person, EventData.json(event.getPayload(), events.serializer()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
