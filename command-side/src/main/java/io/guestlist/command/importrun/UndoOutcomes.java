package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.importrun.ImportUndoFailedEvent;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the undo requests waiting on this instance how their run's undo ended: done, or stopped with
 * the reason the run records. It hears the run's own events in the subscribing command-directory
 * group, so in the transaction that appends them, and answers once that transaction has committed.
 * Only the undo worked on by this instance is heard (the one the request hands to its worker).
 */
@Component
@ProcessingGroup("command-directory")
class UndoOutcomes {

    /** The waits of each run, each its own future: one request giving up leaves the others waiting. */
    private final Map<ImportRunId, Set<CompletableFuture<Optional<String>>>> waiting = new ConcurrentHashMap<>();

    /**
     * A wait for the run's undo to end, registered before the undo is asked for so that no end is missed.
     * It completes with empty when the run is undone, else with why its undo stopped; {@link #forget} it when done.
     */
    CompletableFuture<Optional<String>> expect(ImportRunId run) {
        CompletableFuture<Optional<String>> outcome = new CompletableFuture<>();
        waiting.computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet()).add(outcome);
        return outcome;
    }

    void forget(ImportRunId run, CompletableFuture<Optional<String>> outcome) {
        waiting.computeIfPresent(run, (r, outcomes) -> {
            outcomes.remove(outcome);
            return outcomes.isEmpty() ? null : outcomes;
        });
    }

    @EventHandler
    void on(ImportUndoneEvent e) {
        afterCommit(e.runId(), Optional.empty());
    }

    @EventHandler
    void on(ImportUndoFailedEvent e) {
        afterCommit(e.runId(), Optional.of(e.reason()));
    }

    private void afterCommit(ImportRunId run, Optional<String> outcome) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> complete(run, outcome));
        } else {
            complete(run, outcome);
        }
    }

    private void complete(ImportRunId run, Optional<String> outcome) {
        Set<CompletableFuture<Optional<String>>> outcomes = waiting.remove(run);
        if (outcomes != null) {
            outcomes.forEach(o -> o.complete(outcome));
        }
    }
}
