package io.guestlist.service.deadletter;

import java.time.Instant;

/**
 * A parked event as operators see it: the processing group that could not handle it, the event
 * ({@code type} is the payload class's simple name without {@code Event}, as in the history), the
 * failure, and when it was parked and last tried. {@code sequenceIndex} orders the letters of one
 * aggregate: a retry handles them in that order.
 */
public record DeadLetterView(String id, String group, Event event, Error error, long sequenceIndex,
                             Instant enqueuedAt, Instant lastTouched) {

    public record Event(String identifier, String type, String aggregateId, Long sequenceNumber, Long position) {
    }

    public record Error(String type, String message) {
    }
}
