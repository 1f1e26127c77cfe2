package io.guestlist.service.processing;

import io.guestlist.command.config.AppendedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How several instances share the streaming processors: each has a name of its own as token
 * owner, claims its fair share of each processor's segments ({@link InstanceRoster}), lets its
 * coordinator extend the claims of busy segments (a long batch never loses its claim), and wakes
 * its processors on the event table's NOTIFY ({@link EventAppendListener}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SharedProcessingConfig {

    /** A dead instance's segments are claimable this long after its last claim. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** Axon's metrics of the processors, without the capacity monitor ({@link ProcessorMetrics} says why). */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new ProcessorMetrics(meterRegistry);
    }

    @Bean
    public InstanceRoster instanceRoster(ObjectProvider<EventProcessingConfiguration> processing) {
        // Unique even for two application contexts in one JVM, which would otherwise share the JVM's name.
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new InstanceRoster(name, processing);
    }

    /** Its monitors: Axon's metrics, and the note of each command's events that names them in its result. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new WakeableEventStore(WakeableEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(new MultiMessageMonitor<EventMessage<?>>(configuration.messageMonitor(EventStore.class, "eventStore"),
                        AppendedEvents.recorder()))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 InstanceRoster roster) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .nodeId(roster.instanceId())
                .build();
    }

    @Bean
    public ConfigurerModule fairShareOfSegments(InstanceRoster roster) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.maxSegmentProvider(roster).enableCoordinatorClaimExtension());
    }

    @Bean
    EventAppendListener eventAppendListener(DataSourceProperties dataSource, WakeableEventStore eventStore, InstanceRoster roster) {
        return new EventAppendListener(dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword(),
                eventStore, roster);
    }
}
