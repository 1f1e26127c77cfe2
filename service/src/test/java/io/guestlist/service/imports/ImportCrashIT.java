package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.fail;

/**
 * Kills the packaged service with SIGKILL in the middle of a 30,000-row import, starts it again on the
 * same database, and checks that the run resumed: every row once, counters equal to the rows, one person
 * per valid phone, the read model's invariants intact (SPEC §4.4 replay safety).
 */
class ImportCrashIT {

    private static final int ROWS = 30_000;

    private final String url = TestDatabase.create(ImportCrashIT.class);
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD));
    private Process service;

    @AfterEach
    void stopService() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void serviceKilledMidImport_resumesOnRestart_everyRowOnce_countersEqualRows() throws Exception {
        int port = freePort();
        service = start(port, 1);
        Api api = new Api(port);
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        Imports imports = new Imports(api, "alice", workspace, this::lastPosition);
        Set<String> validPhones = new HashSet<>();
        Api.Response submitted = imports.submit("CSV", "", "text/csv", aMessyCsv(validPhones), "crash-test");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        String runId = submitted.id();

        JsonNode run = await("the run under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("alice", imports.path() + "/" + runId).body(), r -> r.path("processedRows").asInt() > 0);
        assertThat(run.path("processedRows").asInt()).as("killed mid-run: " + run).isBetween(1, ROWS - 1);
        ProcessHandle handle = service.toHandle();
        service.destroyForcibly();
        assertThat(service.waitFor()).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(handle.isAlive()).isFalse();

        service = start(port, 2);
        JsonNode finished = imports.awaitFinished(runId, Duration.ofSeconds(180));
        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
        assertThat(finished.path("totalRows").asInt()).isEqualTo(ROWS);
        assertThat(finished.path("processedRows").asInt()).isEqualTo(ROWS);

        UUID runUuid = UUID.fromString(runId);
        Map<String, Integer> counters = new LinkedHashMap<>();
        finished.path("counters").fields().forEachRemaining(e -> {
            if (e.getValue().asInt() > 0) {
                counters.put(e.getKey(), e.getValue().asInt());
            }
        });
        Map<String, Integer> rowOutcomes = new LinkedHashMap<>();
        jdbc.sql("SELECT outcome, count(*) FROM import_rows WHERE run_id = ? GROUP BY outcome").param(runUuid)
                .query((rs, n) -> rowOutcomes.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(counters).isEqualTo(rowOutcomes);
        assertThat(counters.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS);
        assertThat(counters.get("created")).as("one person created per valid phone").isEqualTo(validPhones.size());
        assertThat(jdbc.sql("SELECT count(*) || '/' || count(DISTINCT row_number) || '/' || min(row_number) || '/' || max(row_number) FROM import_rows WHERE run_id = ?")
                .param(runUuid).query(String.class).single()).isEqualTo(ROWS + "/" + ROWS + "/1/" + ROWS);

        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ?").param(ws).query(Integer.class).single())
                .isEqualTo(validPhones.size());
        assertThat(jdbc.sql("SELECT count(*) FROM identities WHERE workspace_id = ?").param(ws).query(Integer.class).single())
                .isEqualTo(validPhones.size());
        assertThat(jdbc.sql("SELECT count(*) FROM cmd_phone_claim WHERE workspace_id = ?").param(ws).query(Integer.class).single())
                .as("no phone claimed twice").isEqualTo(validPhones.size());
        ReadModelInvariants.hold(jdbc, workspace);
    }

    /** Households of 1 to 4; every 50th phone malformed, every 70th row without phone, every 20th phone repeated. */
    private static byte[] aMessyCsv(Set<String> validPhones) {
        StringBuilder csv = new StringBuilder("Name,Phone,Household,Side,Tags\n");
        for (int i = 1; i <= ROWS; i++) {
            String phone;
            if (i % 70 == 0) {
                phone = "";
            } else if (i % 50 == 0) {
                phone = "12345";
            } else if (i % 20 == 0) {
                phone = "+9192" + String.format("%08d", i - 7);
            } else {
                phone = i % 3 == 0 ? "092" + String.format("%08d", i) : "+91 92" + String.format("%08d", i);
            }
            if (!phone.isEmpty() && !phone.equals("12345")) {
                validPhones.add("+9192" + phone.substring(phone.length() - 8));
            }
            csv.append("Guest ").append(i).append(',').append(phone).append(",Family ").append(i / 3 + i % 2).append(',')
                    .append(i % 2 == 0 ? "Bride" : "Groom").append(',').append(i % 5 == 0 ? "vip" : "").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Process start(int port, int attempt) throws IOException {
        Path log = Path.of("target", "import-crash-it-service-" + attempt + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("GUESTLIST_DB_URL", url);
        builder.environment().put("GUESTLIST_DB_USER", TestDatabase.USER);
        builder.environment().put("GUESTLIST_DB_PASSWORD", TestDatabase.PASSWORD);
        Process process = builder.start();
        Api api = new Api(port);
        try {
            // Starting the packaged service takes long on a loaded machine; the bound is generous.
            await("the service up; its log: " + log.toAbsolutePath()).atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(250)).ignoreException(IllegalStateException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            fail("the service exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                        }
                        return api.get("alice", "/actuator/health").status() == 200;
                    });
            return process;
        } catch (RuntimeException | AssertionError notUp) {
            process.destroyForcibly();
            throw notUp;
        }
    }

    private static Path jar() {
        for (Path candidate : new Path[]{Path.of("target", "guestlist.jar"), Path.of("service", "target", "guestlist.jar")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("No target" + File.separator + "guestlist.jar: run this test in the integration-test phase, after package");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
