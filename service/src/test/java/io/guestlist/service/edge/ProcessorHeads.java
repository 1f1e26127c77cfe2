package io.guestlist.service.edge;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where each streaming processor stands against the head of the event store, read from
 * {@code token_entry} (the slowest segment of each) and {@code max(global_index)}: a processor that
 * stopped on an event it could not handle stays behind for good.
 */
final class ProcessorHeads {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProcessorHeads(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    Set<String> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Each processor's position: its slowest segment's token, -1 for a segment without one. */
    Map<String, Long> positions() {
        Map<String, Long> positions = new TreeMap<>();
        jdbc.query("SELECT processor_name, token, token_type FROM token_entry", rs -> {
            byte[] token = rs.getBytes("token");
            long position = token == null ? -1 : position(token, rs.getString("token_type"));
            positions.merge(rs.getString("processor_name"), position, Math::min);
        });
        return positions;
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking.position().orElse(-1);
    }
}
