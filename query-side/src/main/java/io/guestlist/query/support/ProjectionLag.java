package io.guestlist.query.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code guestlist.projection.lag{processor}}: how many global positions each streaming processor
 * is behind the head of the event store (its slowest segment; the whole head when it has no token
 * yet), from the shared token store, so every instance reports the same. Registered once the
 * application is ready, when the processors exist.
 */
@Component
class ProjectionLag {

    static final String METRIC = "guestlist.projection.lag";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final ProcessorPositions positions;

    ProjectionLag(EventProcessingConfiguration processing, MeterRegistry registry, JdbcTemplate jdbc, ProcessorPositions positions) {
        this.processing = processing;
        this.registry = registry;
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder(METRIC, name, this::lag).tag("processor", name)
                        .description("head global index minus the processor's token position").register(registry);
            }
        });
    }

    private double lag(String processor) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return Math.max(0, head - positions.lowest(processor));
    }
}
