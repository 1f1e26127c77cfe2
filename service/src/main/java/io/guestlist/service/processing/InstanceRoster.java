package io.guestlist.service.processing;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Which instances are alive, and so how many segments of a processor this one claims: its fair
 * share, segments / live instances, rounded up. Axon's pooled processor claims every free segment
 * it may; without a cap the first instance to start keeps them all. With it, an instance that
 * holds more than its share releases the rest at its next claim check and the newcomer claims
 * them. An instance beats every {@link #BEAT} and counts as alive for {@link #ALIVE} after its
 * last beat (the database's clock), so a dead one's share goes back to the others about as soon as
 * its token claims time out.
 */
public final class InstanceRoster implements MaxSegmentProvider {

    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration ALIVE = Duration.ofSeconds(8);

    private final String instanceId;
    private volatile int live = 1;
    private volatile Map<String, Integer> segments = Map.of();

    public InstanceRoster(String instanceId) {
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /** This instance's share of {@code processor}'s segments; all of them while its segments are not known yet. */
    @Override
    public int getMaxSegments(String processor) {
        Integer total = segments.get(processor);
        if (total == null) {
            return Short.MAX_VALUE;
        }
        return Math.max(1, (total + live - 1) / live);
    }

    /** Records this instance as alive, then reads how many are and how many segments each processor has. */
    void beat(Connection connection) throws SQLException {
        try (PreparedStatement beat = connection.prepareStatement("""
                INSERT INTO instance_roster (instance_id, beat_at) VALUES (?, now())
                ON CONFLICT (instance_id) DO UPDATE SET beat_at = now()""")) {
            beat.setString(1, instanceId);
            beat.executeUpdate();
        }
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM instance_roster WHERE beat_at > now() - make_interval(secs => ?)");
             PreparedStatement forget = connection.prepareStatement(
                     "DELETE FROM instance_roster WHERE beat_at < now() - interval '1 hour'")) {
            count.setLong(1, ALIVE.toSeconds());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                live = Math.max(1, rows.getInt(1));
            }
            forget.executeUpdate();
        }
        Map<String, Integer> counted = new HashMap<>();
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name");
             ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                counted.put(rows.getString(1), rows.getInt(2));
            }
        }
        segments = Map.copyOf(counted);
    }

    /** Leaves the roster at a clean stop, so the others take this instance's share at once. */
    void leave(Connection connection) throws SQLException {
        try (PreparedStatement leave = connection.prepareStatement("DELETE FROM instance_roster WHERE instance_id = ?")) {
            leave.setString(1, instanceId);
            leave.executeUpdate();
        }
        live = 1;
    }
}
