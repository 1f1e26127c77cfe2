package io.guestlist.query.support;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each streaming processor stands, read from the shared token store ({@code token_entry}), so
 * every instance sees the same positions whichever instance owns the segments. A token is stored in
 * the transaction of the batch it ends, so a stored position is one whose projections committed.
 * Reads are shared: callers within {@link #FRESH_NANOS} of the last read get that read, so many
 * waiting requests cost one query per interval.
 */
@Component
public class ProcessorPositions {

    /** One segment's stored position: the lowest token it stands for, {@code null} before its first event. */
    public record SegmentPosition(int segment, List<Integer> allSegments, GapAwareTrackingToken token) {

        public long index() {
            return token == null ? 0 : token.getIndex();
        }

        public Set<Long> gaps() {
            return token == null ? Set.of() : token.getGaps();
        }
    }

    /** As often as a waiting read looks again: one small query per interval, only while someone waits. */
    static final long FRESH_NANOS = 2_000_000;

    private record Snapshot(long readAt, Map<String, List<SegmentPosition>> positions) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private volatile Snapshot last = new Snapshot(Long.MIN_VALUE / 2, Map.of());

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Every processor's segments, as stored at most {@link #FRESH_NANOS} ago. */
    public Map<String, List<SegmentPosition>> current() {
        Snapshot snapshot = last;
        if (System.nanoTime() - snapshot.readAt() < FRESH_NANOS) {
            return snapshot.positions();
        }
        synchronized (this) {
            if (System.nanoTime() - last.readAt() >= FRESH_NANOS) {
                long readAt = System.nanoTime();
                last = new Snapshot(readAt, read());
            }
            return last.positions();
        }
    }

    /** The processor's slowest segment's position; 0 when it has none stored. */
    public long lowest(String processor) {
        return current().getOrDefault(processor, List.of()).stream().mapToLong(SegmentPosition::index).min().orElse(0);
    }

    /**
     * One processor's segments as stored now, their rows locked ({@code FOR UPDATE}) in the caller's
     * transaction when {@code lock}: the processor's batches, on every instance, then wait to store
     * their tokens, which they do in the transaction of their writes.
     */
    public List<SegmentPosition> of(String processor, boolean lock) {
        return read(" WHERE processor_name = ? ORDER BY segment" + (lock ? " FOR UPDATE" : ""), processor)
                .getOrDefault(processor, List.of());
    }

    private Map<String, List<SegmentPosition>> read() {
        return read("");
    }

    private Map<String, List<SegmentPosition>> read(String where, Object... args) {
        Map<String, List<Object[]>> rows = new HashMap<>();
        jdbc.query("SELECT processor_name, segment, token, token_type FROM token_entry" + where, rs -> {
            rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Object[]{rs.getInt(2), rs.getBytes(3), rs.getString(4)});
        }, args);
        Map<String, List<SegmentPosition>> positions = new HashMap<>();
        rows.forEach((processor, segments) -> {
            List<Integer> ids = segments.stream().map(r -> (Integer) r[0]).toList();
            positions.put(processor, segments.stream()
                    .map(r -> new SegmentPosition((Integer) r[0], ids, lowerBound((byte[]) r[1], (String) r[2]))).toList());
        });
        return positions;
    }

    /** A replay's or a merge's token counts as its lowest position: what every part of it has passed. */
    private GapAwareTrackingToken lowerBound(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        TrackingToken lower = WrappedToken.unwrapLowerBound(tracking);
        if (lower == null) {
            return null;
        }
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalStateException("unexpected token type " + lower.getClass().getName());
    }
}
