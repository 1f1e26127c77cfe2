package io.guestlist.query.support;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which failures say nothing about the event being handled: the database lost a race or went away
 * for a while (a deadlock, a restart). Retrying the batch is right for them; parking the event is not.
 *
 * <p>The first SQLState in the cause chain decides: deadlock, serialization failure, lock not
 * available, connection exceptions (class 08), shutdown (57P01-57P03), insufficient resources
 * (class 53). Without one, the exception types do (Spring's transient and recoverable kinds, JDBC's).
 * Conservatively, a statement timeout (57014) is not transient: the same statement would run as long
 * again; nor is anything about the data.
 */
public final class TransientFailures {

    private static final Set<String> STATES = Set.of("40P01", "40001", "55P03", "57P01", "57P02", "57P03");
    private static final Set<String> CLASSES = Set.of("08", "53");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean transientType = false;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return isTransientState(sql.getSQLState());
            }
            transientType |= isTransientType(t);
        }
        return transientType;
    }

    static boolean isTransientState(String state) {
        return STATES.contains(state) || state.length() == 5 && CLASSES.contains(state.substring(0, 2));
    }

    private static boolean isTransientType(Throwable t) {
        if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException) {
            return false;
        }
        return t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException;
    }
}
