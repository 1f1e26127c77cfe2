package io.guestlist.service.imports;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import belongs to one instance at a time (issue 9 §5). The run's lease is taken away from its
 * instance mid-run, as if another instance, alive elsewhere, held it: the instance stops at once, and a
 * third instance starting up leaves the run alone. Then that holder dies (its lease runs out): one of
 * the instances takes the run over within 30 s and completes it, every row once, with no hole in the
 * event store (a hole is what two instances appending to one run leave). And an instance that starts
 * while another works on a run leaves the run to it: every row once, no hole.
 */
class ImportLeaseTest {

    private static final int ROWS = 12_000;
    /** Long enough to be under way while an instance starts (imports run at 300–2,500 rows/s here). */
    private static final int LONG_ROWS = 30_000;
    private static final String ELSEWHERE = "instance-elsewhere";

    private static TwoInstances instances;
    private static ServiceInstance third;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(ImportLeaseTest.class);
    }

    @AfterAll
    static void stop() {
        if (third != null) {
            third.close();
        }
        instances.close();
    }

    @Test
    void aRunHeldElsewhere_isLeftAlone_untilItsHolderDies_thenTakenOverAndCompletedOnce() {
        Api a = instances.a().api();
        JdbcClient jdbc = instances.a().jdbc();
        String workspace = new GuestList(a).aWorkspaceOwnedBy("alice");
        Imports imports = new Imports(a, "alice", workspace, () -> lastPosition(jdbc));
        Api.Response submitted = imports.submit("CSV", "", "text/csv", aCsv(ROWS, "+9193"), "lease-test");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        UUID run = UUID.fromString(submitted.id());
        await("the run under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> nextRow(jdbc, run) > 1);

        // Held by an instance alive elsewhere: the update waits for a batch in flight, later batches see it.
        jdbc.sql("UPDATE cmd_import_payload SET lease_owner = ?, lease_expires_at = now() + interval '1 hour' WHERE run_id = ?")
                .params(ELSEWHERE, run).update();
        int stoppedAt = nextRow(jdbc, run);
        assertThat(stoppedAt).as("stolen mid-run").isBetween(2, ROWS);

        third = ServiceInstance.start("c", instances.url());
        await("the run left to its holder while instances start and scan").during(Duration.ofSeconds(12))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ELSEWHERE.equals(owner(jdbc, run)) && nextRow(jdbc, run) == stoppedAt);

        // The holder dies just after a renewal: its lease runs out in 20 s, no one renews it.
        jdbc.sql("UPDATE cmd_import_payload SET lease_expires_at = now() + interval '20 seconds' WHERE run_id = ?").param(run).update();
        await("the run taken over within 30 s").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !ELSEWHERE.equals(owner(jdbc, run)) && nextRow(jdbc, run) > stoppedAt);

        assertCompletedOnce(imports, jdbc, run, workspace, ROWS);
    }

    @Test
    void anInstanceStartingDuringAnImport_leavesItToItsOwner() {
        Api a = instances.a().api();
        JdbcClient jdbc = instances.a().jdbc();
        String workspace = new GuestList(a).aWorkspaceOwnedBy("bob");
        Imports imports = new Imports(a, "bob", workspace, () -> lastPosition(jdbc));
        Api.Response submitted = imports.submit("CSV", "", "text/csv", aCsv(LONG_ROWS, "+9195"), "starting-test");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        UUID run = UUID.fromString(submitted.id());
        String owner = owner(jdbc, run);

        try (ServiceInstance starting = ServiceInstance.start("d", instances.url())) {
            String holder = jdbc.sql("SELECT CASE WHEN finished THEN 'finished already' ELSE lease_owner END FROM cmd_import_payload WHERE run_id = ?")
                    .param(run).query(String.class).single();
            assertThat(holder).as("the run under way, held by the instance that received it, when the new one is up").isEqualTo(owner);
            assertCompletedOnce(imports, jdbc, run, workspace, LONG_ROWS);
            assertThat(starting.isRunning()).isTrue();
        }
    }

    private static void assertCompletedOnce(Imports imports, JdbcClient jdbc, UUID run, String workspace, int rows) {
        imports.awaitCompletedOnce(jdbc, run, rows, Duration.ofSeconds(300));
        assertThat(jdbc.sql("SELECT max(global_index) - count(*) FROM domain_event_entry").query(Long.class).single())
                .as("holes in global_index: no append was rolled back").isZero();
        assertThat(jdbc.sql("SELECT lease_owner IS NULL AND finished FROM cmd_import_payload WHERE run_id = ?").param(run)
                .query(Boolean.class).single()).as("released when done").isTrue();
        ReadModelInvariants.hold(jdbc, workspace);
    }

    private static byte[] aCsv(int rows, String phonePrefix) {
        StringBuilder csv = new StringBuilder("Name,Phone,Household\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Guest ").append(i).append(',').append(phonePrefix).append(String.format("%08d", i))
                    .append(",Family ").append((i + 1) / 2).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int nextRow(JdbcClient jdbc, UUID run) {
        return jdbc.sql("SELECT next_row FROM cmd_import_payload WHERE run_id = ?").param(run).query(Integer.class).single();
    }

    private static String owner(JdbcClient jdbc, UUID run) {
        return jdbc.sql("SELECT lease_owner FROM cmd_import_payload WHERE run_id = ?").param(run)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private static long lastPosition(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
