package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads one recorded batch of a run back from the event store, by its place in the run's stream: an
 * undo holds one batch of rows at a time, never the whole run (Axon's own stream reader would fetch
 * a hundred events to hand out one).
 */
@Component
class RecordedBatches {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    RecordedBatches(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<RowResult> rows(ImportRunId run, long sequence) {
        ImportRowsRecordedEvent event = jdbc.sql("""
                        SELECT payload, payload_type, payload_revision FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND sequence_number = ?""")
                .params(run.toString(), sequence)
                .query((rs, n) -> serializer.<byte[], ImportRowsRecordedEvent>deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), rs.getString(3))))
                .single();
        return event.rows();
    }
}
