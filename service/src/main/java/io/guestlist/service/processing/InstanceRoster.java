package io.guestlist.service.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.beans.factory.ObjectProvider;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which instances run each streaming processor, and so how many of its segments this one claims:
 * its fair share, segments / instances running it, rounded up. Axon's pooled processor claims every
 * free segment it may; without a cap the first instance to start keeps them all. With it, an
 * instance that holds more than its share releases the rest at its next claim check and the
 * newcomer claims them. An instance beats every {@link #BEAT} for each processor it runs (started
 * and not in error) and counts for it during {@link #ALIVE} after its last beat (the database's
 * clock): a dead instance's share, or that of an instance whose processor stopped or fails, goes
 * back to the others about as soon as its token claims time out.
 */
public final class InstanceRoster implements MaxSegmentProvider {

    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration ALIVE = Duration.ofSeconds(8);

    private final String instanceId;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private volatile Map<String, Integer> running = Map.of();
    private volatile Map<String, Integer> segments = Map.of();

    public InstanceRoster(String instanceId, ObjectProvider<EventProcessingConfiguration> processing) {
        this.instanceId = instanceId;
        this.processing = processing;
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
        int instances = Math.max(1, running.getOrDefault(processor, 1));
        return Math.max(1, (total + instances - 1) / instances);
    }

    /** Records the processors this instance runs, then reads how many instances run each and how many segments each has. */
    void beat(Connection connection) throws SQLException {
        String[] mine = runningHere().toArray(String[]::new);
        Array names = connection.createArrayOf("text", mine);
        try (PreparedStatement beat = connection.prepareStatement("""
                INSERT INTO instance_roster (instance_id, processor_name, beat_at) SELECT ?, p, now() FROM unnest(?) p
                ON CONFLICT (instance_id, processor_name) DO UPDATE SET beat_at = now()""");
             PreparedStatement stopped = connection.prepareStatement(
                     "DELETE FROM instance_roster WHERE instance_id = ? AND NOT processor_name = ANY (?)")) {
            beat.setString(1, instanceId);
            beat.setArray(2, names);
            beat.executeUpdate();
            stopped.setString(1, instanceId);
            stopped.setArray(2, names);
            stopped.executeUpdate();
        }
        running = countBy(connection, "SELECT processor_name, count(*) FROM instance_roster WHERE beat_at > now() - make_interval(secs => "
                + ALIVE.toSeconds() + ") GROUP BY processor_name");
        segments = countBy(connection, "SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name");
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM instance_roster WHERE beat_at < now() - interval '1 hour'")) {
            forget.executeUpdate();
        }
    }

    /** Leaves the roster at a clean stop, so the others take this instance's share at once. */
    void leave(Connection connection) throws SQLException {
        try (PreparedStatement leave = connection.prepareStatement("DELETE FROM instance_roster WHERE instance_id = ?")) {
            leave.setString(1, instanceId);
            leave.executeUpdate();
        }
        running = Map.of();
    }

    private List<String> runningHere() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return List.of();
        }
        return config.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(p -> p.isRunning() && !p.isError()).map(StreamingEventProcessor::getName).toList();
    }

    private static Map<String, Integer> countBy(Connection connection, String sql) throws SQLException {
        Map<String, Integer> counted = new HashMap<>();
        try (PreparedStatement count = connection.prepareStatement(sql); ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                counted.put(rows.getString(1), rows.getInt(2));
            }
        }
        return Map.copyOf(counted);
    }
}
