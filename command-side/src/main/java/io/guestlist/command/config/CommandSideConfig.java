package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side's Axon wiring: lookups that fail their command, aggregate caching checked against
 * the store, retries of commands that lost a race, and snapshots.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    static final int SNAPSHOT_EVERY = 100;

    /** The lookup tables must fail the command that breaks them: errors propagate, never just logged. */
    @Bean
    ConfigurerModule commandDirectoryErrorsPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("command-directory", c -> PropagatingErrorHandler.instance());
    }

    /** Room for the aggregates a large import touches again (a household's earlier guests, its run). */
    static final int CACHED_AGGREGATES = 50_000;

    /** Checked against the store on every hit: other instances append to the same aggregates. */
    @Bean
    Cache aggregateCache(JdbcClient jdbc) {
        return new FreshAggregateCache(new BoundedCache(CACHED_AGGREGATES), jdbc);
    }

    /** A command that lost a race to another instance (or thread) is tried again on fresh state. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConflictRetryScheduler()).build();
    }

    /** Commands answer with the version of the aggregate they changed: the {@code ETag} of the response. */
    @Bean
    AggregateVersionStamp aggregateVersionStamp() {
        return new AggregateVersionStamp();
    }

    /** {@code If-Match} reaches Axon's own version check through the command's metadata. */
    @Bean
    ExpectedVersionResolver expectedVersionResolver() {
        return new ExpectedVersionResolver();
    }

    @Bean
    SnapshotTriggerDefinition unitSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    @Bean
    SnapshotTriggerDefinition importRunSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    @Bean
    SnapshotTriggerDefinition personSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }
}
