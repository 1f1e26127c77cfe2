package io.guestlist.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/** The shapes of history and the audit feed; {@code data} is the event's JSON as {@link EventData} shows it. */
final class AuditViews {

    private AuditViews() {
    }

    /** {@code personId}: the person a {@code Person} event is about (in a unit's history, whom it placed or took out). */
    record HistoryItem(String type, Instant time, String memberId, String correlationId, long sequence, long position,
                       UUID personId, @JsonRawValue String data) {
    }

    record AuditItem(long position, UUID aggregateId, String aggregateType, long sequence, String type, Instant time,
                     String memberId, String correlationId, @JsonRawValue String data) {
    }
}
