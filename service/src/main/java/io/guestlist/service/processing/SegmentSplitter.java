package io.guestlist.service.processing;

import io.guestlist.query.support.Projections;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Brings a processor whose tokens an older version made with fewer segments up to its configured
 * {@code initial-segment-count}: Axon applies that count only when it creates a processor's
 * tokens, so an existing database's one-segment processors would stay one segment. A split needs
 * the segment's claim, so whichever instance holds a segment splits it (Axon's
 * {@code splitSegment}: both halves go on from the segment's token, nothing is replayed). Only
 * segments wider than 1/count are split, so the result is the same balanced set a new processor
 * gets. Every few seconds until every processor has its count, then never again.
 */
@Component
class SegmentSplitter {

    private static final long PERIOD_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(SegmentSplitter.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Map<String, Integer> targets;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "segment-splitter");
        thread.setDaemon(true);
        return thread;
    });

    SegmentSplitter(EventProcessingConfiguration processing, JdbcTemplate jdbc, Environment environment) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.targets = Projections.STREAMING.stream().collect(Collectors.toMap(name -> name, name -> environment.getProperty(
                "axon.eventhandling.processors." + name + ".initial-segment-count", Integer.class, 1)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::splitWhatIsHeldHere, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void splitWhatIsHeldHere() {
        try {
            boolean allSplit = true;
            for (Map.Entry<String, Integer> target : targets.entrySet()) {
                allSplit &= splitTowards(target.getKey(), target.getValue());
            }
            if (allSplit) {
                timer.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Could not split segments now; will try again: {}", e.getMessage());
        }
    }

    /** Splits the too-wide segments this instance holds; whether the processor has its count. */
    private boolean splitTowards(String name, int count) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class, name);
        if (segments == null || segments == 0 || segments >= count) {
            return segments != null && segments >= count;
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.isRunning()) {
            return false;
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.getSegment().getMask() < count - 1) {
                int id = status.getSegment().getSegmentId();
                boolean split = processor.splitSegment(id).join();
                log.info("Processor {}: segment {} {}split towards {} segments", name, id, split ? "" : "not ", count);
            }
        }
        return false;
    }
}
