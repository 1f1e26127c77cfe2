package io.guestlist.query.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /api/v1/operations/rebuild/{id}} answers. {@code mode}: {@code check} or {@code replace}.
 * {@code state}: {@code RUNNING} (feeding events), {@code COMPARING}, {@code REPLACING}, {@code DONE} or {@code FAILED}. {@code eventsPerSecond} is the feeding
 * rate; {@code equal} and {@code differences} appear once the comparison with the live tables is done
 * (for a replace: as found before the swap); {@code replaced} once the shadow took the live tables' place.
 */
public record RebuildStatus(UUID id, String projection, String mode, List<String> groups, String state, long head, long eventsDone,
                            long eventsTotal, double eventsPerSecond, double feedSeconds, Instant startedAt, Instant finishedAt,
                            Boolean equal, List<TableDifference> differences, boolean replaced, String error) {

    /** This status as that of a run its instance abandoned. */
    RebuildStatus abandoned(String why) {
        return new RebuildStatus(id, projection, mode, groups, "FAILED", head, eventsDone, eventsTotal, eventsPerSecond, feedSeconds,
                startedAt, Instant.now(), equal, differences, replaced, why);
    }

    /** Rows of one table found only in the rebuilt copy or only in the live table, with a few of them as JSON. */
    public record TableDifference(String table, long onlyInRebuilt, long onlyInLive, List<String> samples) {
    }
}
