package io.guestlist.query.support;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * {@code ?after=<position>}: waits, up to a bound, until every projection has handled the event at
 * that global position, so a client reads what its own command wrote.
 */
@Component
public class ReadYourWrites {

    public static final Duration BOUND = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;

    public ReadYourWrites(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * Waits until the named processors (all, when none are named) have handled position {@code after}.
     * A read names the processors of the tables it reads, so a long import that keeps one projection
     * busy does not hold up reads of another.
     */
    public void await(Long after, String... processors) {
        if (after == null || after <= 0) {
            return;
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!caughtUp(after, processors)) {
            if (System.nanoTime() > deadline) {
                throw new GuestlistException(ErrorCode.NOT_CAUGHT_UP,
                        "The read model has not reached position " + after + " within " + BOUND.toSeconds() + " s; retry.");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the named streaming processors (all, when none are named) have handled the event at {@code position}. */
    public boolean caughtUp(long position, String... names) {
        TrackingToken wanted = GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        List<String> only = List.of(names);
        List<StreamingEventProcessor> processors = processing.eventProcessors().entrySet().stream()
                .filter(e -> only.isEmpty() || only.contains(e.getKey())).map(java.util.Map.Entry::getValue)
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        return processors.stream().allMatch(p -> {
            var statuses = p.processingStatus().values();
            return !statuses.isEmpty() && statuses.stream().allMatch(s -> {
                TrackingToken token = s.getTrackingToken();
                return token != null && token.covers(wanted);
            });
        });
    }
}
