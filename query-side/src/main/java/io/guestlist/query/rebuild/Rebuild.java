package io.guestlist.query.rebuild;

import io.guestlist.query.rebuild.RebuildStatus.TableDifference;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The progress of one rebuild, written by its worker thread and read by status requests. */
final class Rebuild {

    private final UUID id = UUID.randomUUID();
    private final String projection;
    private final List<String> groups;
    private final Instant startedAt = Instant.now();
    private volatile String state = "RUNNING";
    private volatile long head;
    private volatile long eventsTotal;
    private volatile long eventsDone;
    private volatile long feedNanos;
    private volatile Instant finishedAt;
    private volatile List<TableDifference> differences;
    private volatile String error;

    Rebuild(String projection, List<String> groups) {
        this.projection = projection;
        this.groups = List.copyOf(groups);
    }

    UUID id() {
        return id;
    }

    List<String> groups() {
        return groups;
    }

    boolean finished() {
        return finishedAt != null;
    }

    void target(long head, long eventsTotal) {
        this.head = head;
        this.eventsTotal = eventsTotal;
    }

    void fed(long events, long nanos) {
        eventsDone += events;
        feedNanos += nanos;
    }

    void comparing() {
        state = "COMPARING";
    }

    void done(List<TableDifference> differences) {
        this.differences = List.copyOf(differences);
        state = "DONE";
        finishedAt = Instant.now();
    }

    void failed(Throwable cause) {
        error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        state = "FAILED";
        finishedAt = Instant.now();
    }

    RebuildStatus status() {
        double seconds = feedNanos / 1e9;
        List<TableDifference> diffs = differences;
        Boolean equal = diffs == null ? null : diffs.stream().allMatch(d -> d.onlyInLive() == 0 && d.onlyInRebuilt() == 0);
        return new RebuildStatus(id, projection, groups, state, head, eventsDone, eventsTotal,
                seconds == 0 ? 0 : Math.round(eventsDone / seconds), seconds, startedAt, finishedAt, equal, diffs, error);
    }
}
