package io.guestlist.command.importrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.kernel.importrun.ImportStatus;
import io.guestlist.kernel.importrun.Outcome;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a submission: the run as it stands when received (202), or, for an idempotent
 * repeat (200), its id; the run's current state is at its {@code Location}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportAccepted(UUID id, Channel channel, ImportStatus status, Boolean dryRun, Integer totalRows, Integer processedRows,
                      Integer inviteableRows, Map<String, Integer> counters, Instant createdAt, Instant finishedAt,
                      String createdBy, long position) {

    static ImportAccepted received(ImportRunId run, Channel channel, boolean dryRun, int totalRows, String createdBy, long position) {
        Map<String, Integer> counters = new java.util.LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome.apiName(), 0);
        }
        return new ImportAccepted(run.value(), channel, ImportStatus.RECEIVED, dryRun, totalRows, 0, 0, counters,
                Instant.now(), null, createdBy, position);
    }

    static ImportAccepted existing(ImportRunId run, long position) {
        return new ImportAccepted(run.value(), null, null, null, null, null, null, null, null, null, null, position);
    }
}
