package io.guestlist.command.config;

import io.guestlist.command.failure.DatabaseFailures;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Set;

/**
 * Failures that mean another transaction changed the same thing first: another append to the
 * aggregate, another insert of the same lookup key, or PostgreSQL giving up one of two transactions.
 * Done again on fresh state, the command may well succeed. A stale {@code If-Match}
 * ({@code ConflictingAggregateVersionException}, not a {@code ConcurrencyException}) is not one:
 * done again, it fails again, and it is the client's answer ({@code 412}).
 */
public final class ConcurrentConflicts {

    /** unique_violation, serialization_failure, deadlock_detected */
    private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentConflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        return DatabaseFailures.anyCause(failure, t -> t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                || SQL_STATES.stream().anyMatch(state -> DatabaseFailures.sqlState(t, state)));
    }
}
