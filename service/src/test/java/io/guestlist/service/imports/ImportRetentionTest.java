package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.command.importrun.ImportRetention;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GUESTLIST_IMPORT_RAW_RETENTION_DAYS}: a pass of the retention job (what its hourly schedule runs)
 * purges the runs submitted longer ago than the retention, and leaves the newer ones as they are.
 */
class ImportRetentionTest extends ServiceTest {

    private static final int RETENTION_DAYS = 30;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ImportRetentionTest.class, registry);
        registry.add("guestlist.imports.raw-retention-days", () -> RETENTION_DAYS);
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ImportRetention retention;

    private Api api;
    private Imports imports;

    @BeforeEach
    void aWorkspace() {
        api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace, this::lastEventPosition);
    }

    @Test
    void aRunOlderThanTheRetention_isPurged_andANewerRunIsNot() {
        String old = imports.importCsv("Name,Phone,Household\nRavi Old,+91 98111 77701,The Raos\nNina Oldnophone,,The Raos\n", "")
                .path("id").asText();
        String recent = imports.importCsv("Name,Phone,Household\nMeera New,+91 98111 77702,The Iyers\nKiran Newnophone,,The Iyers\n", "")
                .path("id").asText();
        submittedDaysAgo(old, RETENTION_DAYS + 1);
        submittedDaysAgo(recent, RETENTION_DAYS - 1);

        retention.purgeExpired();

        long afterThePass = lastEventPosition();
        JsonNode oldRows = rowsAfter(old, afterThePass);
        assertThat(row(oldRows, 2).path("outcome").asText()).isEqualTo("skipped_no_phone");
        assertThat(row(oldRows, 2).path("raw").isNull()).as("the old run's row of no person reads erased: %s", oldRows).isTrue();
        assertThat(row(oldRows, 2).path("parsed").isNull()).isTrue();
        assertThat(row(oldRows, 1).path("parsed").path("name").asText()).as("a row that placed someone is kept").isEqualTo("Ravi Old");
        JsonNode recentRows = rowsAfter(recent, afterThePass);
        assertThat(row(recentRows, 2).path("raw").path("Name").asText()).as("the newer run is kept: %s", recentRows)
                .isEqualTo("Kiran Newnophone");
        assertThat(row(recentRows, 2).path("parsed").path("name").asText()).isEqualTo("Kiran Newnophone");
        assertThat(purgedRuns()).containsExactly(UUID.fromString(old));
    }

    /** Where the run's submission date is kept (the job reads it): the run is made that old. */
    private void submittedDaysAgo(String run, int days) {
        assertThat(jdbc.sql("UPDATE cmd_import_payload SET created_at = now() - ? * interval '1 day' WHERE run_id = ?")
                .params(days, UUID.fromString(run)).update()).isEqualTo(1);
    }

    /** The run's rows once the read model has passed {@code position} (the answer is not 200 until it has). */
    private JsonNode rowsAfter(String run, long position) {
        Api.Response[] rows = new Api.Response[1];
        await("rows of " + run + " after " + position).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            rows[0] = api.get("alice", imports.path() + "/" + run + "/rows?after=" + position);
            return rows[0].status() == 200;
        });
        return rows[0].body().path("items");
    }

    private List<UUID> purgedRuns() {
        return jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%ImportRunPurgedEvent'")
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
    }

    private long lastEventPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private static JsonNode row(JsonNode rows, int number) {
        for (JsonNode row : rows) {
            if (row.path("rowNumber").asInt() == number) {
                return row;
            }
        }
        throw new AssertionError("no row " + number + " in " + rows);
    }
}
