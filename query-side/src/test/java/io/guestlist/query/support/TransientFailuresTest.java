package io.guestlist.query.support;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001", "55P03", "08000", "08003", "08006", "08001", "57P01", "57P02", "57P03", "53000", "53100", "53200", "53300"})
    void theDatabaseLosingARaceOrGoingAway_isTransient(String state) {
        assertThat(TransientFailures.isTransient(new SQLException("refused", state))).isTrue();
        assertThat(TransientFailures.isTransient(asSpringTranslatesIt(state))).as("translated by Spring").isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped", asSpringTranslatesIt(state)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"57014", "22021", "22001", "23505", "23514", "42P01", "42601", "40002", "25P02", "XX000"})
    void aStatementTimeout_aDataErrorOrABug_isNot(String state) {
        assertThat(TransientFailures.isTransient(new SQLException("refused", state))).isFalse();
        assertThat(TransientFailures.isTransient(asSpringTranslatesIt(state))).as("translated by Spring").isFalse();
    }

    @Test
    void withoutASqlState_theTypesDecide() {
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool: no connection within 30000ms"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool: no connection within 30000ms")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLRecoverableException("connection reset"))).isTrue();
        assertThat(TransientFailures.isTransient(new RecoverableDataAccessException("connection reset"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock"))).isTrue();

        assertThat(TransientFailures.isTransient(new SQLTimeoutException("statement timeout"))).isFalse();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("statement timeout"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("gone"))).isFalse();
        assertThat(TransientFailures.isTransient(new JsonMappingException(null, "not a list"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theSqlStateOutweighsTheWrapper() {
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("timeout", new SQLException("canceled", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock", new SQLException("canceled", "57014")))).isFalse();
    }

    @Test
    void aCauseChainWithACycle_ends() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        assertThat(TransientFailures.isTransient(first)).isFalse();
    }

    private static RuntimeException asSpringTranslatesIt(String state) {
        return new SQLErrorCodeSQLExceptionTranslator("PostgreSQL").translate("projecting", "UPDATE t", new SQLException("refused", state));
    }
}
