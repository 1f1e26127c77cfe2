package io.guestlist.service.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 §2: a failed append leaves a hole in {@code global_index} for good. {@code ?after=} of a
 * later position answers once the projections passed everything that exists, and a rebuild, which
 * waits for the live projections the same way, completes.
 */
class HoleInGlobalIndexTest extends ServiceTest {

    private static final String COPY_OF_AN_EVENT = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            SELECT gen_random_uuid()::text, gen_random_uuid()::text, 0, type, time_stamp, payload_type, payload_revision,
                   payload, meta_data FROM domain_event_entry ORDER BY global_index LIMIT 1""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(HoleInGlobalIndexTest.class, registry);
        registry.add("guestlist.operators", () -> "ops");
    }

    @Autowired
    private DataSource dataSource;

    @Test
    void afterARolledBackAppend_afterOfALaterPositionAnswers_andARebuildCompletes() throws Exception {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        String units = "/api/v1/workspaces/" + workspace + "/units";
        String unit = new GuestList(api).aUnit("alice", workspace, "The Iyers");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate(COPY_OF_AN_EVENT);
            connection.rollback();
            connection.setAutoCommit(true);
            statement.execute("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))");
        }
        Api.Response renamed = api.patch("alice", units + "/" + unit, Map.of("name", "The Iyer Family"));
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);

        Api.Response read = api.get("alice", units + "/" + unit + "?after=" + renamed.position());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("name").asText()).isEqualTo("The Iyer Family");
        assertThat(api.get("alice", "/api/v1/workspaces/" + workspace + "/audit?after=" + renamed.position()).status()).isEqualTo(200);

        String rebuild = api.post("ops", "/api/v1/operations/rebuild?projection=all", null).id();
        JsonNode status = await("rebuild " + rebuild + " finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("ops", "/api/v1/operations/rebuild/" + rebuild).body(),
                        s -> !s.path("state").asText().matches("RUNNING|COMPARING"));
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("equal").asBoolean()).as(status.toString()).isTrue();
    }

    @Test
    void aPositionNotHandedOutYet_isNoHole_soAfterItIsNotCaughtUp() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("carol");
        Api.Response created = api.post("carol", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", "The Rays"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Api.Response beyond = api.get("carol", "/api/v1/workspaces/" + workspace + "/units?after=" + (created.position() + 3));
        assertThat(beyond.status()).as(beyond.body().toString()).isEqualTo(503);
        assertThat(beyond.body().path("type").asText()).endsWith("/not-caught-up");
    }

    @Test
    void anAppendStillInFlight_isWaitedFor_onlyUpToTheBound() throws Exception {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("bob");
        String units = "/api/v1/workspaces/" + workspace + "/units";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate(COPY_OF_AN_EVENT);
            Api.Response created = api.post("bob", units, Map.of("name", "The Menons"));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

            Api.Response read = api.get("bob", units + "/" + created.id() + "?after=" + created.position());
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.body().path("name").asText()).isEqualTo("The Menons");
            connection.rollback();
        }
    }
}
