package io.guestlist.query.importrun;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.query.support.Page;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Import runs with their counters (progress while they run) and their rows. */
@Tag(name = "imports")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/imports")
class ImportRunQueryController {

    record RunView(UUID id, String channel, String status, String failureReason, boolean dryRun, String fileName,
                   int totalRows, int processedRows, int inviteableRows, Map<String, Integer> counters,
                   Instant createdAt, Instant finishedAt, String createdBy, Instant undoneAt, String undoneBy,
                   int keptNewerChange) {
    }

    /** {@code undoOutcome} is {@code kept_newer_change} when the run's undo left a change of the row that later work had made again. */
    record RowView(int rowNumber, String outcome, List<String> warnings, boolean inviteable, UUID personId, UUID unitId,
                   JsonNode raw, JsonNode parsed, String undoOutcome) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEPT_NEWER_CHANGE = "kept_newer_change";
    private static final String RUN_COLUMNS = """
            run_id, channel, status, failure_reason, dry_run, file_name, total_rows, processed_rows, inviteable_rows,
            skipped_no_phone, warning_malformed_phone, created, reactivated, updated, unchanged,
            created_at, finished_at, created_by, undone_at, undone_by, kept_newer_change""";

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;

    ImportRunQueryController(JdbcClient jdbc, WorkspaceAccess access, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    @Operation(operationId = "listImportRuns", summary = "List import runs",
            description = "The workspace's import runs, newest first, with their counters.")
    @GetMapping
    Page<RunView> runs(@PathVariable UUID workspaceId, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size, @RequestParam(required = false) Long after, java.security.Principal caller) {
        readYourWrites.await(after, Projections.IMPORTS);
        access.ensureMember(workspaceId, caller, after);
        int p = Page.page(page);
        int s = Page.size(size);
        long total = jdbc.sql("SELECT count(*) FROM import_runs WHERE workspace_id = ?").param(workspaceId).query(Long.class).single();
        List<RunView> items = jdbc.sql("SELECT " + RUN_COLUMNS + " FROM import_runs WHERE workspace_id = ? ORDER BY created_at DESC, run_id LIMIT ? OFFSET ?")
                .params(workspaceId, s, (long) p * s).query((rs, n) -> run(rs)).list();
        return new Page<>(items, p, s, total);
    }

    @Operation(operationId = "getImportRun", summary = "Read an import run",
            description = "The run's status and counters per outcome; `processedRows` shows its progress while it runs.")
    @GetMapping("/{runId}")
    RunView run(@PathVariable UUID workspaceId, @PathVariable UUID runId, @RequestParam(required = false) Long after,
                java.security.Principal caller) {
        readYourWrites.await(after, Projections.IMPORTS);
        access.ensureMember(workspaceId, caller, after);
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM import_runs WHERE workspace_id = ? AND run_id = ?")
                .params(workspaceId, runId).query((rs, n) -> run(rs)).optional()
                .orElseThrow(() -> GuestlistException.notFound("Import run"));
    }

    @Operation(operationId = "listImportRows", summary = "List an import run's rows",
            description = "The run's rows in order, with their raw values, parsed fields, outcome and warnings; filtered by `outcome`"
                    + " and by `undoOutcome=kept_newer_change`.")
    @GetMapping("/{runId}/rows")
    Page<RowView> rows(@PathVariable UUID workspaceId, @PathVariable UUID runId, @RequestParam(required = false) String outcome,
                       @RequestParam(required = false) String undoOutcome,
                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                       @RequestParam(required = false) Long after, java.security.Principal caller) {
        run(workspaceId, runId, after, caller);
        String filter = outcome == null ? null : validOutcome(outcome);
        if (undoOutcome != null && !undoOutcome.equals(KEPT_NEWER_CHANGE)) {
            throw GuestlistException.invalid("undoOutcome must be " + KEPT_NEWER_CHANGE);
        }
        int p = Page.page(page);
        int s = Page.size(size);
        String where = "run_id = :run" + (filter == null ? "" : " AND outcome = :outcome")
                + (undoOutcome == null ? "" : " AND undo_outcome = :undoOutcome");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", runId);
        if (filter != null) {
            params.put("outcome", filter);
        }
        if (undoOutcome != null) {
            params.put("undoOutcome", undoOutcome);
        }
        long total = jdbc.sql("SELECT count(*) FROM import_rows WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", s);
        params.put("offset", (long) p * s);
        List<RowView> items = jdbc.sql("SELECT row_number, outcome, warnings, inviteable, person_id, unit_id, raw::text, parsed::text,"
                        + " undo_outcome FROM import_rows WHERE " + where + " ORDER BY row_number LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new RowView(rs.getInt(1), rs.getString(2), Arrays.asList((String[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        JSON.readTree(rs.getString(7)), JSON.readTree(rs.getString(8)), rs.getString(9)))
                .list();
        return new Page<>(items, p, s, total);
    }

    private static String validOutcome(String outcome) {
        try {
            return Outcome.fromApiName(outcome).apiName();
        } catch (IllegalArgumentException e) {
            throw GuestlistException.invalid("outcome must be one of " + Arrays.stream(Outcome.values()).map(Outcome::apiName).toList());
        }
    }

    private static RunView run(ResultSet rs) throws SQLException {
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome.apiName(), rs.getInt(outcome.apiName()));
        }
        return new RunView(rs.getObject("run_id", UUID.class), rs.getString("channel"), rs.getString("status"),
                rs.getString("failure_reason"), rs.getBoolean("dry_run"), rs.getString("file_name"), rs.getInt("total_rows"),
                rs.getInt("processed_rows"), rs.getInt("inviteable_rows"), counters, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("created_by"), instant(rs.getTimestamp("undone_at")),
                rs.getString("undone_by"), rs.getInt("kept_newer_change"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
