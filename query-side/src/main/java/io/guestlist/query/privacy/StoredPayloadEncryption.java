package io.guestlist.query.privacy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-time step for events stored before personal data was encrypted: rewrites, in place, every
 * stored payload that still holds a personal value in clear, encrypted as a new one would be; drops
 * every snapshot (a shortcut, remade encrypted on later loads); empties the submitted payloads of
 * finished import runs. Idempotent: a second pass finds nothing in clear and changes nothing. One
 * transaction per page of events, so it can run while the service serves.
 */
@Component
public class StoredPayloadEncryption {

    /** What one pass did. */
    public record Result(long eventsExamined, long eventsEncrypted, long snapshotsDropped, long importPayloadsCleared) {
    }

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final PersonalDataSerializer serializer;
    private final TransactionTemplate transactions;

    StoredPayloadEncryption(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.serializer = (PersonalDataSerializer) serializer;
        this.transactions = transactions;
    }

    public Result run() {
        List<String> types = jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry", String.class).stream()
                .filter(this::mayHoldPersonalData).toList();
        long examined = 0;
        long encrypted = 0;
        long after = 0;
        while (!types.isEmpty()) {
            List<Stored> page = jdbc.query("""
                            SELECT global_index, payload_type, payload_revision, payload FROM domain_event_entry
                             WHERE global_index > ? AND payload_type = ANY(?) ORDER BY global_index LIMIT ?""",
                    (rs, n) -> new Stored(rs.getLong(1), new SimpleSerializedObject<>(rs.getBytes(4), byte[].class, rs.getString(2),
                            rs.getString(3))), after, types.toArray(String[]::new), PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).position();
            examined += page.size();
            encrypted += transactions.execute(status -> encrypt(page));
        }
        long snapshots = jdbc.update("DELETE FROM snapshot_event_entry");
        long payloads = jdbc.update("UPDATE cmd_import_payload SET payload = ''::bytea WHERE finished AND length(payload) > 0");
        return new Result(examined, encrypted, snapshots, payloads);
    }

    private int encrypt(List<Stored> page) {
        List<Stored> plain = page.stream().filter(s -> serializer.holdsPlainPersonalData(s.payload())).toList();
        List<Object> payloads = new ArrayList<>();
        plain.forEach(s -> payloads.add(serializer.deserialize(s.payload())));
        serializer.prepare(payloads);
        for (int i = 0; i < plain.size(); i++) {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    serializer.serialize(payloads.get(i), byte[].class).getData(), plain.get(i).position());
        }
        return plain.size();
    }

    private boolean mayHoldPersonalData(String payloadType) {
        Class<?> type = serializer.classForType(new org.axonframework.serialization.SimpleSerializedType(payloadType, null));
        return type != UnknownSerializedType.class && serializer.mayHoldPersonalData(type);
    }

    private record Stored(long position, SerializedObject<byte[]> payload) {
    }
}
