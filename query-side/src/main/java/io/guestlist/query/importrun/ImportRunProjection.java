package io.guestlist.query.importrun;

import io.guestlist.query.support.Projections;
import io.guestlist.kernel.importrun.ImportCompletedEvent;
import io.guestlist.kernel.importrun.ImportFailedEvent;
import io.guestlist.kernel.importrun.ImportProcessingStartedEvent;
import io.guestlist.kernel.importrun.ImportReceivedEvent;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.ImportRunPurgedEvent;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonErasedEvent;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Import runs and their rows. A batch of rows is one statement: the rows are inserted from arrays,
 * and the run's counters grow by the rows actually inserted, so a batch handled twice counts once.
 */
@Component
@ProcessingGroup(ImportRunProjection.GROUP)
class ImportRunProjection {

    static final String GROUP = Projections.IMPORTS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RECORD_ROWS = """
            WITH inserted AS (
                INSERT INTO import_rows (run_id, row_number, workspace_id, outcome, warnings, inviteable, person_id, unit_id, raw, parsed)
                SELECT ?, r.row_number, ?, r.outcome, string_to_array(r.warnings, E'\\x1f'), r.inviteable, r.person_id::uuid, r.unit_id::uuid,
                       r.raw::jsonb, r.parsed::jsonb
                  FROM unnest(?::int[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS r(row_number, outcome, warnings, inviteable, person_id, unit_id, raw, parsed)
                ON CONFLICT (run_id, row_number) DO NOTHING
                RETURNING outcome, inviteable
            )
            UPDATE import_runs SET
                processed_rows = processed_rows + (SELECT count(*) FROM inserted),
                inviteable_rows = inviteable_rows + (SELECT count(*) FROM inserted WHERE inviteable),
                skipped_no_phone = skipped_no_phone + (SELECT count(*) FROM inserted WHERE outcome = 'skipped_no_phone'),
                warning_malformed_phone = warning_malformed_phone + (SELECT count(*) FROM inserted WHERE outcome = 'warning_malformed_phone'),
                created = created + (SELECT count(*) FROM inserted WHERE outcome = 'created'),
                reactivated = reactivated + (SELECT count(*) FROM inserted WHERE outcome = 'reactivated'),
                updated = updated + (SELECT count(*) FROM inserted WHERE outcome = 'updated'),
                unchanged = unchanged + (SELECT count(*) FROM inserted WHERE outcome = 'unchanged')
             WHERE run_id = ?""";

    private final JdbcTemplate jdbc;

    ImportRunProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE import_runs, import_rows");
    }

    @EventHandler
    void on(ImportReceivedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("""
                        INSERT INTO import_runs (run_id, workspace_id, channel, status, dry_run, file_name, idempotency_key, total_rows,
                                                 created_at, created_by)
                        VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING""",
                e.runId().value(), e.workspaceId().value(), e.channel().name(), e.dryRun(), e.fileName(), e.idempotencyKey(),
                e.totalRows(), java.sql.Timestamp.from(at), by);
    }

    /**
     * The rows that resolved to an erased person keep their outcome and counts; their cells read as
     * erased ({@code null}), as a replay then reads them.
     */
    @EventHandler
    void on(PersonErasedEvent e) {
        SqlBatch.current(jdbc).add("UPDATE import_rows SET raw = 'null'::jsonb, parsed = 'null'::jsonb WHERE person_id = ?",
                e.personId().value());
    }

    /** A purged run's rows of no person read as erased, as a replay then reads them. */
    @EventHandler
    void on(ImportRunPurgedEvent e) {
        SqlBatch.current(jdbc).add("UPDATE import_rows SET raw = 'null'::jsonb, parsed = 'null'::jsonb WHERE run_id = ? AND person_id IS NULL",
                e.runId().value());
    }

    @EventHandler
    void on(ImportProcessingStartedEvent e) {
        SqlBatch.current(jdbc).add("UPDATE import_runs SET status = 'PROCESSING' WHERE run_id = ? AND status = 'RECEIVED'", e.runId().value());
    }

    @EventHandler
    void on(ImportRowsRecordedEvent e) {
        List<RowResult> rows = e.rows();
        int n = rows.size();
        Integer[] numbers = new Integer[n];
        String[] outcomes = new String[n];
        String[] warnings = new String[n];
        Boolean[] inviteable = new Boolean[n];
        String[] people = new String[n];
        String[] units = new String[n];
        String[] raw = new String[n];
        String[] parsed = new String[n];
        for (int i = 0; i < n; i++) {
            RowResult row = rows.get(i);
            numbers[i] = row.rowNumber();
            outcomes[i] = row.outcome().apiName();
            warnings[i] = String.join("\u001f", row.warnings());
            inviteable[i] = row.inviteable();
            people[i] = row.personId() == null ? null : row.personId().toString();
            units[i] = row.unitId() == null ? null : row.unitId().toString();
            raw[i] = JSON.writeValueAsString(row.raw());
            parsed[i] = JSON.writeValueAsString(row.parsed());
        }
        UUID run = e.runId().value();
        SqlBatch.current(jdbc).add(RECORD_ROWS, run, e.workspaceId().value(), numbers, outcomes, warnings, inviteable,
                people, units, raw, parsed, run);
    }

    @EventHandler
    void on(ImportCompletedEvent e, @Timestamp Instant at) {
        SqlBatch.current(jdbc).add("UPDATE import_runs SET status = 'COMPLETED', finished_at = ? WHERE run_id = ?",
                java.sql.Timestamp.from(at), e.runId().value());
    }

    @EventHandler
    void on(ImportFailedEvent e, @Timestamp Instant at) {
        SqlBatch.current(jdbc).add("UPDATE import_runs SET status = 'FAILED', failure_reason = ?, finished_at = ? WHERE run_id = ?",
                e.reason(), java.sql.Timestamp.from(at), e.runId().value());
    }

    @EventHandler
    void on(ImportUndoneEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("UPDATE import_runs SET undone_at = ?, undone_by = ?, kept_newer_change = ? WHERE run_id = ?",
                java.sql.Timestamp.from(at), by, e.keptNewerChange(), e.runId().value());
        if (!e.keptNewerChangeRows().isEmpty()) {
            batch.add("UPDATE import_rows SET undo_outcome = 'kept_newer_change' WHERE run_id = ? AND row_number = ANY (?::int[])",
                    e.runId().value(), e.keptNewerChangeRows().toArray(Integer[]::new));
        }
    }
}
