package io.guestlist.command.importrun;

import io.guestlist.command.importrun.plan.PhoneMemo;
import io.guestlist.kernel.ids.ImportRunId;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phone cells each pass running on this instance has surveyed, for the batches it sends. Kept beside the
 * commands rather than in them, so a batch command stays plain data that any command bus can carry; a batch
 * handled where no pass left a memo reads every cell itself ({@link PhoneMemo#NONE}), to the same result.
 */
@Component
class PhoneMemos {

    private final Map<ImportRunId, PhoneMemo> passes = new ConcurrentHashMap<>();

    void hold(ImportRunId run, PhoneMemo memo) {
        passes.put(run, memo);
    }

    /** Drops the pass's memo, and only that one: a later pass of the run (undo, a retake) may hold its own. */
    void release(ImportRunId run, PhoneMemo memo) {
        passes.remove(run, memo);
    }

    PhoneMemo of(ImportRunId run) {
        return passes.getOrDefault(run, PhoneMemo.NONE);
    }
}
