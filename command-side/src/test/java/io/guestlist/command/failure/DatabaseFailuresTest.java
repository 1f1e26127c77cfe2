package io.guestlist.command.failure;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aLostConnection_wrappedByAxon_isUnavailable() {
        Exception lost = new EventStoreException("An event could not be stored", new SQLException("I/O error", "08006"));
        assertThat(DatabaseFailures.unavailable(lost)).isTrue();
        assertThat(DatabaseFailures.isTransient(lost)).isTrue();
    }

    @Test
    void noConnectionFromThePool_isUnavailable_howeverWrapped() {
        Exception timeout = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms"));
        assertThat(DatabaseFailures.unavailable(new CommandExecutionException("failed", timeout))).isTrue();
        assertThat(DatabaseFailures.unavailable(new CannotCreateTransactionException("Could not open JDBC Connection"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("the database system is shutting down", "57P01"))).isTrue();
    }

    @Test
    void aSerializationFailureOrDeadlock_isTransient_butTheDatabaseIsThere() {
        for (String state : new String[]{"40001", "40P01"}) {
            Exception conflict = new IllegalStateException(new SQLException("conflict", state));
            assertThat(DatabaseFailures.isTransient(conflict)).as(state).isTrue();
            assertThat(DatabaseFailures.unavailable(conflict)).as(state).isFalse();
        }
    }

    @Test
    void aDuplicateKeyOrABug_isNeither() {
        Exception duplicate = new EventStoreException("already inserted", new DuplicateKeyException("duplicate key"));
        assertThat(DatabaseFailures.isTransient(duplicate)).isFalse();
        assertThat(DatabaseFailures.unavailable(duplicate)).isFalse();
        assertThat(DatabaseFailures.isTransient(new NullPointerException())).isFalse();
    }
}
