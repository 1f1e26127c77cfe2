package io.guestlist.query.rebuild;

import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which positions of the event store a shadow holds: every event up to {@link #fedTo()} but the
 * positions that were missing (an append still in flight, or a hole for good) or skipped when the
 * feed passed them. Those are remembered for {@link #WINDOW} positions behind, more than Axon's gap
 * window (10,000), so a late event the live processor handles as a gap can still be fed here.
 */
final class ShadowCoverage {

    static final long WINDOW = 50_000;

    private long fedTo;
    private final NavigableSet<Long> missed = new TreeSet<>();

    long fedTo() {
        return fedTo;
    }

    NavigableSet<Long> missed() {
        return missed;
    }

    boolean holds(long position) {
        return position <= fedTo && !missed.contains(position);
    }

    /** The feed passed from {@link #fedTo()} up to {@code to}, handling the events at {@code fed} (ascending) only. */
    void passed(long to, Collection<Long> fed) {
        long position = fedTo;
        for (long handled : fed) {
            if (handled > fedTo) {
                missBetween(position, handled);
                position = handled;
            } else {
                missed.remove(handled);
            }
        }
        if (to > position) {
            missBetween(position, to + 1);
        }
        fedTo = Math.max(fedTo, to);
        missed.headSet(fedTo - WINDOW, true).clear();
    }

    private void missBetween(long after, long before) {
        for (long p = Math.max(after + 1, before - WINDOW); p < before; p++) {
            missed.add(p);
        }
    }
}
