package io.guestlist.query.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a hole in {@code global_index} from an event still on its way. Every failed append burns its
 * sequence values for good, while a transaction that has not committed yet holds values whose rows
 * appear later. A position the sequence has handed out with no visible row is a hole once no
 * transaction is writing to the event table (an insert holds its table lock until it ends, so none
 * is left to fill it), or, while writers keep the table busy, once it has been missing for
 * {@link #BOUND} since this instance first saw it.
 */
@Component
class StreamHoles {

    static final Duration BOUND = Duration.ofSeconds(1);
    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final Map<Long, Long> firstSeen = lru();
    private final Set<Long> holes = Collections.newSetFromMap(lru());

    StreamHoles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of {@code missing} (positions with no visible row just now), those that are holes. A position the
     * sequence has not handed out yet is none: an event may still take it.
     */
    Set<Long> holesAmong(Collection<Long> missing) {
        if (missing.isEmpty()) {
            return Set.of();
        }
        long issued = lastIssued();
        long now = System.nanoTime();
        Set<Long> found = new HashSet<>();
        Set<Long> undecided = new HashSet<>();
        synchronized (this) {
            for (Long position : missing) {
                if (position > issued) {
                    continue;
                }
                long seen = firstSeen.computeIfAbsent(position, p -> now);
                if (holes.contains(position) || now - seen >= BOUND.toNanos()) {
                    found.add(position);
                } else {
                    undecided.add(position);
                }
            }
        }
        if (!undecided.isEmpty() && !eventTableBeingWritten()) {
            undecided.removeAll(visible(undecided));
            synchronized (this) {
                holes.addAll(undecided);
            }
            found.addAll(undecided);
        }
        return found;
    }

    /** Whether the position is known to stay empty for good (no writer was left to fill it). */
    synchronized boolean isPermanent(long position) {
        return holes.contains(position);
    }

    private long lastIssued() {
        Long issued = jdbc.queryForObject(
                "SELECT pg_sequence_last_value(pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass)", Long.class);
        return issued == null ? 0 : issued;
    }

    private boolean eventTableBeingWritten() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'domain_event_entry'::regclass
                               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                               AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid())""", Boolean.class));
    }

    private Set<Long> visible(Set<Long> positions) {
        return Set.copyOf(jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index = ANY(?)",
                Long.class, (Object) positions.toArray(Long[]::new)));
    }

    private static <V> Map<Long, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
