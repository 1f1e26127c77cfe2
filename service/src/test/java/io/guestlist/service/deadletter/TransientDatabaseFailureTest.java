package io.guestlist.service.deadletter;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guest-list projection's write of a unit meets a database failure, staged by a trigger on
 * {@code guest_units}. A transient one (a deadlock, twice: as the batch flushes and again as its
 * events would be written one by one) is the database's hiccup: the batch is retried until it
 * passes, and nothing is parked. A data error still parks the event.
 */
class TransientDatabaseFailureTest extends ServiceTest {

    private static final String DEADLOCKED = "The Deadlocked Family";
    private static final String BROKEN = "The Broken Family";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(TransientDatabaseFailureTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void stageFailures() {
        jdbc.execute("""
                CREATE SEQUENCE IF NOT EXISTS staged_deadlocks;
                CREATE OR REPLACE FUNCTION staged_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = '%s' AND nextval('staged_deadlocks') <= 2 THEN
                        RAISE EXCEPTION 'deadlock detected (staged)' USING ERRCODE = 'deadlock_detected';
                    END IF;
                    IF NEW.name = '%s' THEN
                        RAISE EXCEPTION 'a value the table refuses (staged)' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER staged_failure BEFORE INSERT ON guest_units FOR EACH ROW EXECUTE FUNCTION staged_failure();
                """.formatted(DEADLOCKED, BROKEN));
    }

    @Test
    void aDeadlockAsTheBatchFlushes_failsTheBatch_whichIsRetried_andNothingIsParked() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("erin");
        Api.Response created = api.post("erin", units(workspace), Map.of("name", DEADLOCKED));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(created.id()) > 0 || readable(api, workspace, created));

        assertThat(deadLetters(created.id())).isZero();
        assertThat(api.get("erin", units(workspace) + "/" + created.id()).body().path("name").asText()).isEqualTo(DEADLOCKED);
        assertThat(jdbc.queryForObject("SELECT last_value FROM staged_deadlocks", Long.class))
                .as("two deadlocks, then the write that passed").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDataErrorAsTheBatchFlushes_stillParksTheEvent() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("frank");
        Api.Response created = api.post("frank", units(workspace), Map.of("name", BROKEN));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(created.id()) > 0);

        assertThat(jdbc.queryForObject("SELECT cause_message FROM dead_letter_entry WHERE processing_group = 'guest-list'"
                + " AND aggregate_identifier = ?", String.class, created.id())).contains("a value the table refuses");
        assertThat(api.get("frank", units(workspace) + "/" + created.id()).status()).isEqualTo(404);
    }

    private boolean readable(Api api, String workspace, Api.Response created) {
        return api.get("erin", units(workspace) + "/" + created.id() + "?after=" + created.position()).status() == 200;
    }

    private long deadLetters(String unitId) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'guest-list' AND aggregate_identifier = ?",
                Long.class, unitId);
    }

    private static String units(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/units";
    }
}
