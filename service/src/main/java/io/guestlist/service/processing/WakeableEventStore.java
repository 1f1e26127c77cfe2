package io.guestlist.service.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's embedded event store, whose streams can be woken. Axon 4.13's pooled processor looks for
 * new events every 500 ms unless its stream offers an availability callback, and the embedded
 * store's streams offer none. Here each stream takes the callback, and {@link #eventsAppended()}
 * (called on a NOTIFY from any instance) makes the store fetch at once and calls every stream's
 * callback, so the processors start on new events in milliseconds. Without a wake the store still
 * fetches every fetch delay and a coordinator still looks every token claim interval: the
 * fallback for a lost notification.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final Set<WakeableStream> streams = ConcurrentHashMap.newKeySet();

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        WakeableStream stream = new WakeableStream(super.openStream(trackingToken), streams::remove);
        streams.add(stream);
        return stream;
    }

    /** Events were committed (here or on another instance): fetch them now and wake every open stream's reader. */
    public void eventsAppended() {
        afterCommit(List.of());
        streams.forEach(WakeableStream::wake);
    }
}
