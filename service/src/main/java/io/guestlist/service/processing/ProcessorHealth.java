package io.guestlist.service.processing;

import io.guestlist.query.support.Projections;
import io.guestlist.service.health.DatabaseProbe;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code processors} health component, one component per streaming processor of this instance:
 * DOWN when it is in error, OUT_OF_SERVICE when it is not running, DEGRADED (HTTP 200) when the
 * segments it holds here are more than {@code guestlist.processors.degraded-lag} events behind the
 * store's head, else UP. An instance that holds none of a processor's segments (another instance
 * does) reports it UP with no lag.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorHealth {

    static final Status DEGRADED = new Status("DEGRADED", "the processor is far behind the event store");

    @Bean
    CompositeHealthContributor processors(EventProcessingConfiguration processing, JdbcTemplate jdbc, DatabaseProbe database,
                                          @Value("${guestlist.processors.degraded-lag:10000}") long degradedLag) {
        return CompositeHealthContributor.fromMap(Projections.STREAMING.stream().collect(Collectors.toMap(
                Function.identity(), name -> (HealthIndicator) () -> health(processing, jdbc, database, degradedLag, name))));
    }

    private static Health health(EventProcessingConfiguration processing, JdbcTemplate jdbc, DatabaseProbe database,
                                 long degradedLag, String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
        if (processor == null) {
            return Health.unknown().withDetail("reason", "no such streaming processor").build();
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Health.Builder health = Health.up().withDetail("segmentsHere", segments.size());
        if (processor.isError()) {
            return health.down().withDetail("errors", segments.stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> String.valueOf(s.getError())).toList()).build();
        }
        if (!processor.isRunning()) {
            return health.outOfService().build();
        }
        if (segments.isEmpty()) {
            return health.build();
        }
        if (!database.reachable()) {
            // The lag needs the database; asking would hold health up on the pool. The db component says DOWN.
            return health.unknown().withDetail("reason", "the database does not answer").build();
        }
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        long position = segments.stream().mapToLong(s -> {
            TrackingToken token = s.getTrackingToken();
            return token == null ? 0 : token.position().orElse(0);
        }).min().orElse(0);
        long lag = Math.max(0, head - position);
        return (lag > degradedLag ? health.status(DEGRADED) : health).withDetail("lag", lag).build();
    }
}
