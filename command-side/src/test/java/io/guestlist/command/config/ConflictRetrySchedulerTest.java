package io.guestlist.command.config;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetrySchedulerTest {

    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("rename");

    @Test
    void aLostRace_isSentAgain_threeTimes_thenAnswered() {
        AtomicInteger dispatched = new AtomicInteger();
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        boolean retried = true;
        while (retried) {
            failures.add(history(ConcurrencyException.class));
            retried = scheduler.scheduleRetry(command, new ConcurrencyException("sequence 3 taken"), List.copyOf(failures),
                    dispatched::incrementAndGet);
        }
        assertThat(dispatched).hasValue(ConflictRetryScheduler.RETRIES);
    }

    @Test
    void aRejection_isTheAnswerAtOnce() {
        AtomicInteger dispatched = new AtomicInteger();
        RuntimeException rejected = new CommandExecutionException("archived", new GuestlistException(ErrorCode.STATE_CONFLICT, "archived"));

        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        failures.add(history(CommandExecutionException.class));

        assertThat(scheduler.scheduleRetry(command, rejected, failures, dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    /** A stale If-Match fails the same way on every try: it is the client's 412, not a race to retry. */
    @Test
    void aStaleExpectedVersion_isTheAnswerAtOnce() {
        AtomicInteger dispatched = new AtomicInteger();
        RuntimeException stale = new ConflictingAggregateVersionException("unit-1", 3, 4);
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        failures.add(history(ConflictingAggregateVersionException.class));

        assertThat(ConcurrentConflicts.isConflict(stale)).isFalse();
        assertThat(scheduler.scheduleRetry(command, stale, failures, dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void conflicts_areRecognisedAnywhereInTheCauseChain() {
        SQLException uniqueViolation = new SQLException("duplicate key", "23505");
        assertThat(ConcurrentConflicts.isConflict(new EventStoreException("append failed",
                new BatchUpdateException("batch entry 0 aborted", "23505", 0, new int[0], uniqueViolation)))).isTrue();
        assertThat(ConcurrentConflicts.isConflict(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(ConcurrentConflicts.isConflict(new AggregateStreamCreationException("id taken"))).isTrue();
        assertThat(ConcurrentConflicts.isConflict(new EventStoreException("connection lost", new SQLException("gone", "08006"))))
                .isFalse();
        assertThat(ConcurrentConflicts.isConflict(new GuestlistException(ErrorCode.PHONE_TAKEN, "taken"))).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] history(Class<? extends Throwable> failure) {
        return new Class[]{failure};
    }
}
