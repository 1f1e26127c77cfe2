package io.guestlist.query.audit;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.query.audit.AuditViews.HistoryItem;
import io.guestlist.query.support.Page;
import org.axonframework.eventhandling.DomainEventMessage;
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

    private final StoredEvents events;

    HistoryQueries(StoredEvents events) {
        this.events = events;
    }

    Page<HistoryItem> history(UUID workspace, String kind, UUID aggregate, int page, int size) {
        String type = KINDS.get(kind);
        String id = aggregate.toString();
        boolean ours = type != null && events.origin(id)
                .filter(o -> o.aggregateType().equals(type) && workspace.toString().equals(o.workspaceId())).isPresent();
        if (!ours) {
            throw GuestlistException.notFound("History");
        }
        List<HistoryItem> items = events.ofAggregate(id, (long) page * size, size).stream()
                .map(m -> item((DomainEventMessage<?>) m, StoredEvents.position(m))).toList();
        return new Page<>(items, page, size, events.countOf(id));
    }

    private HistoryItem item(DomainEventMessage<?> event, long position) {
        return new HistoryItem(EventData.type(event.getPayloadType()), event.getTimestamp(),
                text(event.getMetaData().get(Attribution.MEMBER_ID)), text(event.getMetaData().get(Attribution.CORRELATION_ID)),
                event.getSequenceNumber(), position, EventData.json(event.getPayload(), events.serializer()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
