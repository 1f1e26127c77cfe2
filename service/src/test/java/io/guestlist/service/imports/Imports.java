package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Import steps over the API: submit a payload, wait for its run to finish and the read model to catch up, read its rows. */
final class Imports {

    private final Api api;
    private final String user;
    private final String workspace;
    private final LongSupplier lastEventPosition;

    Imports(Api api, String user, String workspace, LongSupplier lastEventPosition) {
        this.api = api;
        this.user = user;
        this.workspace = workspace;
        this.lastEventPosition = lastEventPosition;
    }

    String path() {
        return "/api/v1/workspaces/" + workspace + "/imports";
    }

    Api.Response submit(String channel, String query, String contentType, byte[] payload, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return api.postBytes(user, path() + "?channel=" + channel + query, contentType, payload, headers);
    }

    Api.Response submitCsv(String csv) {
        return submit("CSV", "", "text/csv", csv.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Submits, expects 202, waits for COMPLETED and for the read model; the finished run. */
    JsonNode importCsv(String csv, String query) {
        Api.Response submitted = submit("CSV", query, "text/csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        JsonNode run = awaitFinished(submitted.id(), Duration.ofSeconds(60));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        return run;
    }

    JsonNode run(String runId) {
        Api.Response run = api.get(user, path() + "/" + runId);
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        return run.body();
    }

    /** Polls the run until COMPLETED or FAILED (fails the test when it is still going after {@code bound}), then waits for the read model. */
    JsonNode awaitFinished(String runId, Duration bound) {
        await("run " + runId + " finished").atMost(bound).pollInterval(Duration.ofMillis(50)).until(() -> {
            Api.Response run = api.get(user, path() + "/" + runId);
            String status = run.body().path("status").asText();
            return run.status() == 200 && (status.equals("COMPLETED") || status.equals("FAILED"));
        });
        settle();
        return run(runId);
    }

    /**
     * Waits until every projection has handled every event stored so far. The bound only stops a stuck
     * test: after a 30,000-row import on a loaded 2-core machine the projections can trail by more than a minute.
     */
    void settle() {
        long position = lastEventPosition.getAsLong();
        await("the read model at position " + position).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                api.get(user, "/api/v1/workspaces/" + workspace + "/units?size=1&after=" + position).status() == 200
                        && api.get(user, path() + "?size=1&after=" + position).status() == 200);
    }

    /** Every row of the run, in row order. */
    List<JsonNode> rows(String runId) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(user, path() + "/" + runId + "/rows?size=500&page=" + page).body();
            body.path("items").forEach(rows::add);
            if (body.path("items").size() < 500) {
                return rows;
            }
        }
    }

    /**
     * Waits for the run to finish, then holds that it completed with every row applied once: its
     * counters equal its recorded rows' outcomes, all {@code rows} created, one phone claim each.
     */
    JsonNode awaitCompletedOnce(JdbcClient jdbc, UUID run, int rows, Duration within) {
        JsonNode finished = awaitFinished(run.toString(), within);
        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
        assertThat(finished.path("processedRows").asInt()).isEqualTo(rows);
        Map<String, Integer> counters = new LinkedHashMap<>();
        finished.path("counters").fields().forEachRemaining(e -> {
            if (e.getValue().asInt() > 0) {
                counters.put(e.getKey(), e.getValue().asInt());
            }
        });
        Map<String, Integer> rowOutcomes = new LinkedHashMap<>();
        jdbc.sql("SELECT outcome, count(*) FROM import_rows WHERE run_id = ? GROUP BY outcome").param(run)
                .query((rs, n) -> rowOutcomes.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(counters).isEqualTo(rowOutcomes).containsEntry("created", rows);
        assertThat(jdbc.sql("SELECT count(*) FROM cmd_phone_claim WHERE workspace_id = ?").param(UUID.fromString(workspace))
                .query(Integer.class).single()).isEqualTo(rows);
        return finished;
    }
}
