package io.guestlist.query.rebuild;

import io.guestlist.query.rebuild.RebuildStatus.TableDifference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of one rebuild, written by its worker threads and read by status requests. Events
 * done are those every feed has handled; the rate is over the wall time of feeding.
 */
final class Rebuild {

    private final UUID id = UUID.randomUUID();
    private final String projection;
    private final String mode;
    private final List<String> groups;
    private final Instant startedAt = Instant.now();
    private volatile String state = "RUNNING";
    private volatile long head;
    private volatile long eventsTotal;
    private final Map<String, Long> doneByFeed = new ConcurrentHashMap<>();
    private volatile long feedNanos;
    private volatile long feedingSince;
    private volatile Instant finishedAt;
    private volatile List<TableDifference> differences;
    private volatile String error;
    private volatile boolean replaced;

    Rebuild(String projection, String mode, List<String> groups) {
        this.projection = projection;
        this.mode = mode;
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

    /** Events are fed to each of {@code feeds} (processing groups, fed side by side) from now on. */
    void feeding(List<String> feeds) {
        feeds.forEach(feed -> doneByFeed.putIfAbsent(feed, 0L));
        feedingSince = System.nanoTime();
    }

    void fed(String feed, int events) {
        doneByFeed.merge(feed, (long) events, Long::sum);
    }

    void fedAll() {
        feedNanos += System.nanoTime() - feedingSince;
        feedingSince = 0;
    }

    void comparing() {
        state = "COMPARING";
    }

    boolean replacing() {
        return mode.equals("replace");
    }

    void swapping() {
        state = "REPLACING";
    }

    void replaced() {
        replaced = true;
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
        long since = feedingSince;
        double seconds = (feedNanos + (since == 0 ? 0 : System.nanoTime() - since)) / 1e9;
        long eventsDone = doneByFeed.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<TableDifference> diffs = differences;
        Boolean equal = diffs == null ? null : diffs.stream().allMatch(d -> d.onlyInLive() == 0 && d.onlyInRebuilt() == 0);
        return new RebuildStatus(id, projection, mode, groups, state, head, eventsDone, eventsTotal,
                seconds == 0 ? 0 : Math.round(eventsDone / seconds), seconds, startedAt, finishedAt, equal, diffs, replaced, error);
    }
}
