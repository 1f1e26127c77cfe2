package io.guestlist.query.support;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.support.ProcessorPositions.SegmentPosition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ?after=<position>}: waits, up to a bound, until the projections have handled everything up
 * to that global position that exists, so a client reads what its own command wrote. Positions come
 * from the shared token store, so any instance answers, whichever owns the processors. A segment has
 * handled a position when its stored token passed it, or when the event there is not one it handles
 * (a segment stores its token only with events it handles), or when there is no event there: a hole
 * left by a failed append (see {@link StreamHoles}). Subscribing processors project in the command's
 * own transaction: they are always caught up.
 */
@Component
public class ReadYourWrites {

    public static final Duration BOUND = Duration.ofSeconds(5);
    /** How often a wait looks again; the positions it reads are shared by every waiting request. */
    static final long LOOK_AGAIN_MILLIS = 2;
    /** Further behind than this, a segment is not looked at event by event: it is behind. */
    static final int LOOKAHEAD = 10_000;

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final EventsAtPositions events;
    private final StreamHoles holes;
    /**
     * How far beyond its stored token a segment was found to have nothing to handle, so a wait looks
     * only at what arrived since; a segment's newer token replaces its entry.
     */
    private final Map<Passed, Long> passedBeyondToken = new ConcurrentHashMap<>();

    private record Passed(String processor, int segment, long tokenIndex) {
    }

    public ReadYourWrites(EventProcessingConfiguration processing, ProcessorPositions positions, EventsAtPositions events,
                          StreamHoles holes) {
        this.processing = processing;
        this.positions = positions;
        this.events = events;
        this.holes = holes;
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
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the named streaming processors (all, when none are named) have handled everything up to {@code position}. */
    public boolean caughtUp(long position, String... names) {
        List<String> only = List.of(names);
        Map<String, EventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && (only.isEmpty() || only.contains(name))) {
                streaming.put(name, processor);
            }
        });
        Map<String, List<SegmentPosition>> stored = positions.current();
        Map<Passed, Set<Long>> openBySegment = new HashMap<>();
        for (String name : streaming.keySet()) {
            List<SegmentPosition> segments = stored.getOrDefault(name, List.of());
            if (segments.isEmpty()) {
                return false;
            }
            for (SegmentPosition segment : segments) {
                Passed passed = new Passed(name, segment.segment(), segment.index());
                long from = passedBeyondToken.getOrDefault(passed, segment.index());
                if (position - from > LOOKAHEAD) {
                    return false;
                }
                Set<Long> open = openUpTo(segment, from, position);
                if (!open.isEmpty()) {
                    openBySegment.put(passed, open);
                }
            }
        }
        if (openBySegment.isEmpty()) {
            return true;
        }
        Set<Long> open = new HashSet<>();
        openBySegment.values().forEach(open::addAll);
        Map<Long, DomainEventMessage<?>> present = events.at(open);
        Set<Long> missing = new HashSet<>(open);
        missing.removeAll(present.keySet());
        if (!holes.holesAmong(missing).containsAll(missing)) {
            return false;
        }
        boolean all = true;
        for (Map.Entry<Passed, Set<Long>> entry : openBySegment.entrySet()) {
            Passed passed = entry.getKey();
            SegmentPosition segment = stored.get(passed.processor()).stream()
                    .filter(s -> s.segment() == passed.segment()).findFirst().orElseThrow();
            if (entry.getValue().stream().map(present::get)
                    .anyMatch(event -> event != null && handles(streaming.get(passed.processor()), segment, event))) {
                all = false;
            } else {
                remember(passed, entry.getValue().stream().filter(missing::contains).filter(p -> !holes.isPermanent(p))
                        .mapToLong(p -> p - 1).min().orElse(position));
            }
        }
        return all;
    }

    /**
     * Remembers that the segment has nothing to handle up to {@code upTo}: short of a missing position
     * that is not a hole for good, as an append in flight may still fill it.
     */
    private void remember(Passed passed, long upTo) {
        if (upTo <= passed.tokenIndex()) {
            return;
        }
        passedBeyondToken.keySet().removeIf(k -> k.processor().equals(passed.processor())
                && k.segment() == passed.segment() && k.tokenIndex() < passed.tokenIndex());
        passedBeyondToken.merge(passed, upTo, Math::max);
    }

    /**
     * The positions up to {@code position} that the segment has not passed: its gaps, and what lies
     * beyond {@code from} (its token, or as far as an earlier look found nothing it handles).
     */
    private static Set<Long> openUpTo(SegmentPosition segment, long from, long position) {
        Set<Long> open = new HashSet<>();
        segment.gaps().stream().filter(gap -> gap <= position).forEach(open::add);
        for (long p = from + 1; p <= position; p++) {
            open.add(p);
        }
        return open;
    }

    private static boolean handles(EventProcessor processor, SegmentPosition segment, DomainEventMessage<?> event) {
        if (!(processor instanceof AbstractEventProcessor known)) {
            return true;
        }
        try {
            int[] all = segment.allSegments().stream().mapToInt(Integer::intValue).toArray();
            return known.eventHandlerInvoker().canHandle(event, Segment.computeSegment(segment.segment(), all));
        } catch (RuntimeException cannotTell) {
            return true;
        }
    }
}
