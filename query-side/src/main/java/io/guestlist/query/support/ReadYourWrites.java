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

    public void await(Long after) {
        if (after == null || after <= 0) {
            return;
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!caughtUp(after)) {
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

    /** Whether every streaming processor has handled the event at {@code position}. */
    public boolean caughtUp(long position) {
        TrackingToken wanted = GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
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
