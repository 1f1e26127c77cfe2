package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.FaultCluster;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a PostgreSQL of the test's own, stopped for a while in the middle of an import
 * (issue 9 §6): while it is down, requests answer 503 database-unavailable with a Retry-After within
 * 3 s and health turns DOWN within 5 s; once it is back, health is UP within 5 s, and the import and the
 * projections go on by themselves, the run's counters equal to its rows.
 */
class DatabaseOutageTest {

    private static final int ROWS = 6_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FaultCluster cluster;
    private static ServiceInstance service;

    @BeforeAll
    static void start() {
        cluster = FaultCluster.create("faults", 5433);
        // The database does not exist yet: the service creates it on start.
        service = ServiceInstance.start("outage", cluster.url("guestlist_outage"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anOutageMidImport_answers503FastAndHealthDown_thenEverythingGoesOnByItself() throws Exception {
        Api api = service.api();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(cluster.url("guestlist_outage"), "postgres", ""));
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        Imports imports = new Imports(api, "alice", workspace,
                () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
        Api.Response submitted = imports.submit("CSV", "", "text/csv", aCsv(), "outage-test");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        UUID run = UUID.fromString(submitted.id());
        await("the run under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> nextRow(jdbc, run) > 1);
        // Hold the run where it is, however fast this machine imports: its next batch renews the lease
        // on this row and waits for the lock, until the outage ends the holding session too.
        Connection hold = DriverManager.getConnection(cluster.url("guestlist_outage"), "postgres", "");
        hold.setAutoCommit(false);
        try (PreparedStatement lock = hold.prepareStatement("SELECT 1 FROM cmd_import_payload WHERE run_id = ? FOR UPDATE")) {
            lock.setObject(1, run);
            lock.executeQuery().close();
        }
        assertThat(nextRow(jdbc, run)).as("held mid-run").isLessThanOrEqualTo(ROWS);

        cluster.stop();
        hold.abort(Runnable::run);
        long down = System.nanoTime();
        await("health DOWN within 5 s of the outage").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> healthDown(get("/actuator/health")));
        System.out.printf("health DOWN %d ms after the outage began%n", (System.nanoTime() - down) / 1_000_000);
        assertDatabaseUnavailable(get("/api/v1/workspaces/" + workspace));
        assertDatabaseUnavailable(send("POST", "/api/v1/workspaces/" + workspace + "/units", "{\"name\":\"Late\"}"));
        await("health DOWN while the database is away").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> healthDown(get("/actuator/health")));

        cluster.start();
        long back = System.nanoTime();
        await("health UP within 5 s of the database's return").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/actuator/health").body().path("components").path("db").path("status").asText().equals("UP"));
        System.out.printf("health UP %d ms after the database's return%n", (System.nanoTime() - back) / 1_000_000);

        int stoppedAt = nextRow(jdbc, run);
        assertThat(stoppedAt).as("interrupted mid-run").isLessThanOrEqualTo(ROWS);
        await("the import going on by itself (its back-off is at most 10 s)").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> nextRow(jdbc, run) > stoppedAt);
        System.out.printf("import going on %d ms after the database's return%n", (System.nanoTime() - back) / 1_000_000);

        imports.awaitCompletedOnce(jdbc, run, ROWS, Duration.ofSeconds(120));
        System.out.printf("import finished and projected %d ms after the database's return%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ?").param(UUID.fromString(workspace))
                .query(Integer.class).single()).as("the read model projected every row once").isEqualTo(ROWS);
        ReadModelInvariants.hold(jdbc, workspace);
        assertThat(send("POST", "/api/v1/workspaces/" + workspace + "/units", "{\"name\":\"After\"}").status()).isEqualTo(201);
    }

    private static int nextRow(JdbcClient jdbc, UUID run) {
        return jdbc.sql("SELECT next_row FROM cmd_import_payload WHERE run_id = ?").param(run).query(Integer.class).single();
    }

    private static boolean healthDown(Answer health) {
        return health.status() == 503 && health.body().path("status").asText().equals("DOWN")
                && health.body().path("components").path("db").path("status").asText().equals("DOWN");
    }

    private static void assertDatabaseUnavailable(Answer answer) {
        System.out.printf("answered %d in %d ms while the database was away%n", answer.status(), answer.millis());
        assertThat(answer.millis()).as("answered within 3 s").isLessThan(3000);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/database-unavailable");
        assertThat(answer.retryAfter()).isEqualTo("5");
    }

    private record Answer(int status, String contentType, String retryAfter, JsonNode body, long millis) {
    }

    private static Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private static Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Api.tokenFor("alice"))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), body, millis);
    }

    private static byte[] aCsv() {
        StringBuilder csv = new StringBuilder("Name,Phone\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("Guest ").append(i).append(",+9194").append(String.format("%08d", i)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
