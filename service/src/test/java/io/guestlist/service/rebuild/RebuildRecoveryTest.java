package io.guestlist.service.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild's status lives in the database: a run left RUNNING by an instance that crashed is
 * reported FAILED once an instance starts, its shadow schema is dropped, and a run started on one
 * instance is read on another.
 */
class RebuildRecoveryTest {

    private static final Map<String, Object> OPERATORS = Map.of("guestlist.operators", "ops");

    @Test
    void aRunLeftByACrashedInstance_isFailedAtStart_andItsShadowDropped() {
        String url = TestDatabase.create(RebuildRecoveryTest.class);
        ServiceInstance.start("migrates", url, OPERATORS).close();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD));
        UUID crashed = UUID.randomUUID();
        String shadow = "rebuild_" + crashed.toString().substring(0, 8);
        jdbc.update("""
                INSERT INTO rebuild_runs (id, instance, state, status, heartbeat_at)
                VALUES (?, 'gone', 'REPLACING', ?, now() - interval '1 hour')""", crashed, """
                {"id":"%s","projection":"guest-list","mode":"replace","groups":["guest-list"],"state":"REPLACING","head":42,
                 "eventsDone":42,"eventsTotal":42,"eventsPerSecond":0,"feedSeconds":1,"startedAt":"2026-01-01T00:00:00Z",
                 "replaced":false}""".formatted(crashed));
        jdbc.execute("CREATE SCHEMA " + shadow);
        jdbc.execute("CREATE TABLE " + shadow + ".guest_units (LIKE public.guest_units INCLUDING ALL)");

        try (ServiceInstance a = ServiceInstance.start("a", url, OPERATORS); ServiceInstance b = ServiceInstance.start("b", url, OPERATORS)) {
            JsonNode status = b.api().get("ops", "/api/v1/operations/rebuild/" + crashed).body();
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("FAILED");
            assertThat(status.path("error").asText()).contains("instance stopped");
            assertThat(status.path("head").asLong()).isEqualTo(42);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", Long.class, shadow))
                    .isZero();

            String started = a.api().post("ops", "/api/v1/operations/rebuild?projection=imports", null).id();
            JsonNode elsewhere = await("run of a, read on b").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> b.api().get("ops", "/api/v1/operations/rebuild/" + started).body(),
                            s -> s.path("state").asText().equals("DONE"));
            assertThat(elsewhere.path("equal").asBoolean()).as(elsewhere.toString()).isTrue();
            assertThat(elsewhere.path("mode").asText()).isEqualTo("check");
        }
    }
}
