package io.guestlist.service.deadletter;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.support.Page;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events parked in the dead-letter queues of every processing group. Reads go straight to
 * {@code dead_letter_entry} (joined to the event store for each event's global position); a retry
 * and an evict go through Axon's queue of the letter's group, so its ordering and claims hold.
 */
@Component
public class DeadLetters {

    /** Whether a retry handled every letter of the sequence; those it could not stay parked. */
    public record RetryOutcome(boolean resolved, List<DeadLetterView> stillParked) {
    }

    private record Sequence(String group, String identifier) {
    }

    private static final String SELECT = """
            SELECT d.dead_letter_id, d.processing_group, d.sequence_index, d.event_identifier, d.payload_type,
                   d.aggregate_identifier, d.sequence_number, e.global_index, d.cause_type, d.cause_message,
                   d.enqueued_at, d.last_touched
            FROM dead_letter_entry d LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
            """;
    private static final String ORDER = " ORDER BY d.enqueued_at, d.processing_group, d.sequence_identifier, d.sequence_index";

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public Page<DeadLetterView> list(int page, int size) {
        List<DeadLetterView> items = jdbc.query(SELECT + ORDER + " LIMIT ? OFFSET ?", VIEW, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /** Handles the letter's whole sequence again, oldest first, through the group's own handlers. */
    public RetryOutcome retry(String id) {
        Sequence sequence = sequenceOf(id);
        boolean resolved = processing.sequencedDeadLetterProcessor(sequence.group())
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + sequence.group()))
                .process(letter -> letter instanceof JdbcDeadLetter<?> jdbcLetter
                        && jdbcLetter.getSequenceIdentifier().equals(sequence.identifier()));
        List<DeadLetterView> stillParked = jdbc.query(SELECT + " WHERE d.processing_group = ? AND d.sequence_identifier = ?" + ORDER,
                VIEW, sequence.group(), sequence.identifier());
        return new RetryOutcome(resolved && stillParked.isEmpty(), stillParked);
    }

    /** Drops the letter: its group never handles that event. */
    public void evict(String id) {
        Sequence sequence = sequenceOf(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(sequence.group())
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + sequence.group()));
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence.identifier())) {
            if (letter instanceof JdbcDeadLetter<?> jdbcLetter && jdbcLetter.getIdentifier().equals(id)) {
                queue.evict(letter);
                return;
            }
        }
        throw GuestlistException.notFound("Dead letter");
    }

    /** How many letters wait, per group that has any. */
    public Map<String, Long> countsByGroup() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    public long count(String group) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, group);
        return count == null ? 0 : count;
    }

    private Sequence sequenceOf(String id) {
        return jdbc.query("SELECT processing_group, sequence_identifier FROM dead_letter_entry WHERE dead_letter_id = ?",
                        (row, n) -> new Sequence(row.getString(1), row.getString(2)), id)
                .stream().findFirst().orElseThrow(() -> GuestlistException.notFound("Dead letter"));
    }

    private static final RowMapper<DeadLetterView> VIEW = (row, n) -> new DeadLetterView(
            row.getString("dead_letter_id"),
            row.getString("processing_group"),
            new DeadLetterView.Event(row.getString("event_identifier"), typeOf(row.getString("payload_type")),
                    row.getString("aggregate_identifier"), row.getObject("sequence_number", Long.class),
                    row.getObject("global_index", Long.class)),
            new DeadLetterView.Error(row.getString("cause_type"), row.getString("cause_message")),
            row.getLong("sequence_index"),
            instant(row.getString("enqueued_at")),
            instant(row.getString("last_touched")));

    private static String typeOf(String payloadType) {
        String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
