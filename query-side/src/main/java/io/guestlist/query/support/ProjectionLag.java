package io.guestlist.query.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code guestlist.projection.lag{processor}}: how many global positions each streaming processor
 * is behind the head of the event store: its slowest segment, whichever instance holds it, as the
 * shared token store records it (the whole head while a segment has no token yet). Every instance
 * reports the same figure. Registered once the application is ready, when the processors exist.
 */
@Component
class ProjectionLag {

    static final String METRIC = "guestlist.projection.lag";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProjectionLag(EventProcessingConfiguration processing, MeterRegistry registry, JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.registry = registry;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder(METRIC, name, this::lag).tag("processor", name)
                        .description("head global index minus the processor's slowest segment's token position").register(registry);
            }
        });
    }

    private double lag(String processor) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        List<Long> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> position(rs.getBytes("token"), rs.getString("token_type")), processor);
        long position = positions.stream().mapToLong(Long::longValue).min().orElse(0);
        return Math.max(0, head - position);
    }

    private long position(byte[] token, String type) {
        if (token == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
