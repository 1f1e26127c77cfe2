package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.UndoImportCommand;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §4.4 undo, issue 10: in batches of the run's own, newest first, each its own transaction, and resumed by another
 * instance, also when its instance dies between two batches (every row reverted once).
 */
class UndoInBatchesTest extends ServiceTest {

    private static final int ROWS = 1200;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UndoInBatchesTest.class, registry);
    }

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private CommandBus commandBus;

    private Api api;
    private String workspace;
    private Imports imports;

    @BeforeEach
    void aWorkspace() {
        api = api();
        workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace,
                () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
    }

    @Test
    void undo_revertsBatchByBatch_newestFirst_eachInItsOwnTransaction() {
        String run = imports.importCsv(guests(), "").path("id").asText();

        Api.Response undone = api.post("alice", imports.path() + "/" + run + "/undo", null);

        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        imports.settle();
        assertThat(activePeople()).isZero();
        assertThat(imports.run(run).path("undoneBy").asText()).isEqualTo("alice");
        // one undo batch per recorded batch of the run, newest first
        assertThat(jdbc.sql("""
                        SELECT string_agg(convert_from(payload, 'UTF8')::jsonb ->> 'firstRow', ',' ORDER BY sequence_number)
                          FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ImportUndoBatchRevertedEvent'""")
                .param(run).query(String.class).single()).isEqualTo("1001,501,1");
    }

    @Test
    void undoWhoseInstanceDied_isTakenUpByTheWorker_andFinished() {
        String run = imports.importCsv(guests(), "").path("id").asText();
        // An undo is asked for on an instance that dies at once: its lease is held by nobody alive, and runs out.
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new UndoImportCommand(ImportRunId.of(UUID.fromString(run)),
                WorkspaceId.of(UUID.fromString(workspace)))).andMetaData(MetaData.with(Attribution.MEMBER_ID, "alice")
                .and(Attribution.CORRELATION_ID, UUID.randomUUID().toString())));
        jdbc.sql("UPDATE cmd_import_payload SET lease_owner = 'a-dead-instance', lease_expires_at = now() - interval '1 second' WHERE run_id = ?")
                .param(UUID.fromString(run)).update();

        await("the undo, taken up by the worker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !imports.run(run).path("undoneAt").isNull());

        imports.settle();
        assertThat(activePeople()).isZero();
        assertThat(jdbc.sql("SELECT finished FROM cmd_import_payload WHERE run_id = ?").param(UUID.fromString(run))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void undoWhoseInstanceDiesBetweenBatches_resumes_andRevertsEveryRowOnce() {
        String run = imports.importCsv(guests(), "").path("id").asText();
        UUID runId = UUID.fromString(run);
        // The instance dies between the first and the second undo batch: the first is committed, the second
        // finds the lease held by an instance nobody hears from (it has run out), and rolls back.
        AtomicInteger batchesAsked = new AtomicInteger();
        AtomicInteger revertedWhenItDied = new AtomicInteger(-1);
        Registration dies = commandBus.registerDispatchInterceptor(messages -> (i, message) -> {
            // the worker's undo batch (a command of its own package), sent with the run as correlation id
            if (message.getPayloadType().getSimpleName().equals("UndoImportBatchCommand")
                    && run.equals(message.getMetaData().get(Attribution.CORRELATION_ID)) && batchesAsked.incrementAndGet() == 2) {
                revertedWhenItDied.set(undoBatchesReverted(run).size());
                jdbc.sql("UPDATE cmd_import_payload SET lease_owner = 'a-dead-instance', lease_expires_at = now() - interval '1 second'"
                        + " WHERE run_id = ?").param(runId).update();
            }
            return message;
        });
        try {
            Api.Response undone = api.post("alice", imports.path() + "/" + run + "/undo", null);

            assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        } finally {
            dies.cancel();
        }
        assertThat(revertedWhenItDied.get()).as("batches reverted when the instance died").isEqualTo(1);
        assertThat(batchesAsked.get()).as("batches asked for: one, the one that died, the two left after the resume, the end")
                .isEqualTo(5);
        imports.settle();
        assertThat(undoBatchesReverted(run)).as("each batch reverted once, newest first").containsExactly("1001", "501", "1");
        assertThat(activePeople()).isZero();
        // every person the run created deleted exactly once
        assertThat(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE deletions = 1), count(*) FROM (
                          SELECT d.aggregate_identifier, count(*) AS deletions FROM domain_event_entry a
                            LEFT JOIN domain_event_entry d ON d.aggregate_identifier = a.aggregate_identifier
                                                          AND d.payload_type LIKE '%PersonDeletedEvent'
                           WHERE a.payload_type LIKE '%PersonAddedEvent' GROUP BY d.aggregate_identifier) per_person""")
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single()).containsExactly(ROWS, ROWS);
        assertThat(jdbc.sql("SELECT lease_owner IS NULL AND finished FROM cmd_import_payload WHERE run_id = ?").param(runId)
                .query(Boolean.class).single()).as("released when done").isTrue();
    }

    /** The first row of each reverted undo batch, in the order reverted. */
    private List<String> undoBatchesReverted(String run) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'firstRow' FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type LIKE '%ImportUndoBatchRevertedEvent' ORDER BY sequence_number""")
                .param(run).query(String.class).list();
    }

    private int activePeople() {
        return jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ? AND status = 'ACTIVE'")
                .param(UUID.fromString(workspace)).query(Integer.class).single();
    }

    private static String guests() {
        StringBuilder csv = new StringBuilder("Name,Phone,Household\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Guest ").append(i).append(",9").append(811000000 + i).append(",").append(i % 3 == 0 ? "Family " + (i / 6) : "").append('\n');
        }
        return csv.toString();
    }
}
