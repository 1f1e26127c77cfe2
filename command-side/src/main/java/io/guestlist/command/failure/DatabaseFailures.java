package io.guestlist.command.failure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which failures are the database's passing trouble rather than the request's or the code's. The
 * telling exception often arrives wrapped (Axon's EventStoreException, a CommandExecutionException, a
 * Spring translation), so the whole cause chain is searched.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database cannot be reached: no connection, a connection lost, the server shutting down or starting. */
    public static boolean unavailable(Throwable failure) {
        return anyCause(failure, DatabaseFailures::connectionTrouble);
    }

    /**
     * Worth trying again once the database is back or the conflict is gone: unavailability, and the
     * transient conflicts (serialization failure, deadlock, lock timeout).
     */
    public static boolean isTransient(Throwable failure) {
        return anyCause(failure, t -> connectionTrouble(t) || t instanceof TransientDataAccessException
                || t instanceof SQLTransientException || sqlState(t, "40001") || sqlState(t, "40P01") || sqlState(t, "55P03"));
    }

    private static boolean connectionTrouble(Throwable t) {
        return t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                || sqlStateClass(t, "08") // connection exception
                || sqlState(t, "57P01") || sqlState(t, "57P02") || sqlState(t, "57P03") // shutdown, crash, starting up
                || sqlState(t, "53300"); // too many connections
    }

    /** Whether {@code t} is a JDBC failure with this SQL state. */
    public static boolean sqlState(Throwable t, String state) {
        return t instanceof SQLException sql && state.equals(sql.getSQLState());
    }

    private static boolean sqlStateClass(Throwable t, String stateClass) {
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass);
    }

    /** Whether the failure, a cause or a suppressed failure of theirs passes {@code test}. */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (test.test(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
