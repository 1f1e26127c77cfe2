package io.guestlist.service.processing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's metrics of the event processors (timers, latency, counts, as Axon names and tags them),
 * without its capacity monitor. That one keeps every handled event's duration for ten minutes in a
 * map per processor, to average them when scraped: under an import, hundreds of thousands of
 * entries that outlive young collections, so the heap grew with the size of the import and old
 * collections paused the service. A processor's load shows in its latency and its lag instead.
 */
class ProcessorMetrics extends GlobalMetricRegistry {

    private final MeterRegistry registry;

    ProcessorMetrics(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder,
                                                                          Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(List.<MessageMonitor<? super EventMessage<?>>>of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(eventProcessorName).meterRegistry(registry)
                        .tagsBuilder(latencyTagsBuilder).build(),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder)));
    }
}
