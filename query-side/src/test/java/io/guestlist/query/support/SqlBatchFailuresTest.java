package io.guestlist.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's batch whose flush the database refuses, by a trigger that fails the insert of some
 * rows: which events does it remember as poison, to be parked on the retry? Only those whose own
 * writes are wrong; none when the database only hiccuped (a deadlock), which the retry gets past.
 */
class SqlBatchFailuresTest {

    private static final String GROUP = "test-group";
    private static JdbcTemplate jdbc;

    private final PoisonEvents poison = new PoisonEvents();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(SqlBatchFailuresTest.class);
        jdbc.execute("CREATE TABLE staged (value text PRIMARY KEY)");
        jdbc.execute("CREATE SEQUENCE staged_calls");
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE staged");
        jdbc.execute("ALTER SEQUENCE staged_calls RESTART");
    }

    @Test
    void aDeadlockAsTheBatchFlushes_remembersNoEvent() {
        stage("deadlocked", "nextval('staged_calls') <= 2", "deadlock_detected");

        List<EventMessage<?>> events = events("fine", "deadlocked");
        assertThat(inOneBatch(events).isExceptional()).isTrue();

        assertThat(remembered(events)).isEmpty();
    }

    @Test
    void aDataError_remembersItsEvent() {
        stage("broken", "true", "check_violation");

        List<EventMessage<?>> events = events("fine", "broken");
        assertThat(inOneBatch(events).isExceptional()).isTrue();

        assertThat(remembered(events)).containsExactly("broken");
    }

    @Test
    void aDeadlockWhileTheEventsAreWrittenOneByOne_remembersNoEvent_notEvenTheBrokenOne() {
        stage("deadlocked", "nextval('staged_calls') = 2", "deadlock_detected");
        jdbc.execute("""
                CREATE TRIGGER staged_broken BEFORE INSERT ON staged FOR EACH ROW
                WHEN (NEW.value = 'broken') EXECUTE FUNCTION staged_check_violation()""");
        try {
            List<EventMessage<?>> events = events("deadlocked", "broken");
            assertThat(inOneBatch(events).isExceptional()).isTrue();

            assertThat(remembered(events)).as("the retry runs the whole batch again").isEmpty();
        } finally {
            jdbc.execute("DROP TRIGGER staged_broken ON staged");
        }
    }

    /** Fails the insert of {@code value} with {@code state} while {@code when} holds. */
    private static void stage(String value, String when, String state) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION staged_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.value = '%s' THEN
                        IF %s THEN
                            RAISE EXCEPTION 'staged %s' USING ERRCODE = '%s';
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE FUNCTION staged_check_violation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'staged check_violation' USING ERRCODE = 'check_violation';
                END $$;
                CREATE OR REPLACE TRIGGER staged_failure BEFORE INSERT ON staged FOR EACH ROW EXECUTE FUNCTION staged_failure();
                """.formatted(value, when, state, state));
    }

    private static List<EventMessage<?>> events(String... values) {
        return List.of(values).stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    /** Handles the events as a processor's batch does: each queues its insert; the batch flushes as it commits. */
    private ResultMessage<?> inOneBatch(List<EventMessage<?>> events) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).execute(transaction -> {
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
            batch.resources().put(PoisonEvents.BATCH_RESOURCE, new PoisonEvents.Batch(poison, GROUP));
            ResultMessage<?> result = batch.executeWithResult(() -> {
                SqlBatch.current(jdbc).add("INSERT INTO staged (value) VALUES (?)", batch.getMessage().getPayload());
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            transaction.setRollbackOnly();
            return result;
        });
    }

    private List<String> remembered(List<EventMessage<?>> events) {
        return events.stream().filter(e -> poison.take(GROUP, e.getIdentifier()).isPresent()).map(e -> (String) e.getPayload()).toList();
    }
}
