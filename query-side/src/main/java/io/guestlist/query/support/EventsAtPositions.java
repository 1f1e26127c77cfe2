package io.guestlist.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events stored at given global positions, as much of them as deciding which processor segment
 * handles them takes: type, aggregate and payload, deserialized only when a sequencing policy
 * asks for it (guest-list's asks for the workspace). Stored events never change, so the answers are
 * kept (the most recent {@value #REMEMBERED}).
 */
@Component
class EventsAtPositions {

    private static final int REMEMBERED = 2 * ReadYourWrites.LOOKAHEAD;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<Long, DomainEventMessage<?>> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DomainEventMessage<?>> eldest) {
            return size() > REMEMBERED;
        }
    };

    EventsAtPositions(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The events at those of {@code positions} that hold a committed row; a position without one is absent. */
    Map<Long, DomainEventMessage<?>> at(Collection<Long> positions) {
        Map<Long, DomainEventMessage<?>> found = new HashMap<>();
        List<Long> unknown;
        synchronized (known) {
            positions.forEach(p -> {
                DomainEventMessage<?> event = known.get(p);
                if (event != null) {
                    found.put(p, event);
                }
            });
            unknown = positions.stream().filter(p -> !found.containsKey(p)).toList();
        }
        if (unknown.isEmpty()) {
            return found;
        }
        Map<Long, DomainEventMessage<?>> read = new HashMap<>();
        jdbc.query("""
                SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number, payload_type, payload_revision, payload
                  FROM domain_event_entry WHERE global_index = ANY(?::bigint[])""", rs -> {
            read.put(rs.getLong(1), message(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    new SimpleSerializedObject<>(rs.getBytes(8), byte[].class, rs.getString(6), rs.getString(7))));
        }, (Object) unknown.toArray(Long[]::new));
        synchronized (known) {
            known.putAll(read);
        }
        found.putAll(read);
        return found;
    }

    private DomainEventMessage<?> message(String id, String type, String aggregate, long sequence, SerializedObject<byte[]> stored) {
        LazyDeserializingObject<Object> payload = new LazyDeserializingObject<>(stored, serializer);
        return new GenericDomainEventMessage<>(type, aggregate, sequence,
                new SerializedMessage<>(id, payload, new LazyDeserializingObject<>(MetaData.emptyInstance())), () -> Instant.EPOCH);
    }
}
