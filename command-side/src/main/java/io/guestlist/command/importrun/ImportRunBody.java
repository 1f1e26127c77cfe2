package io.guestlist.command.importrun;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a submission, new (202) or an idempotent repeat (200): the run in the shape
 * {@code GET …/imports/{runId}} gives it (the query side's representation, which a test holds equal),
 * built from the run's aggregate, plus the {@code position} to read it back with {@code ?after=}.
 * Times are to the millisecond, as the event store keeps them.
 */
record ImportRunBody(UUID id, String channel, String status, String failureReason, boolean dryRun, String fileName,
                     int totalRows, int processedRows, int inviteableRows, Map<String, Integer> counters,
                     Instant createdAt, Instant finishedAt, String createdBy, Instant undoneAt, String undoneBy,
                     int keptNewerChange, long position) {
}
