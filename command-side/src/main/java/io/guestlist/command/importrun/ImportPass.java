package io.guestlist.command.importrun;

import io.guestlist.command.importrun.intake.ImportPayloads;
import io.guestlist.command.importrun.intake.PayloadReader;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.failure.DatabaseFailures;
import io.guestlist.command.importrun.parse.ImportLimits;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.importrun.plan.HouseholdSurvey;
import io.guestlist.command.importrun.plan.ImportRows;
import io.guestlist.command.importrun.plan.PhoneMemo;
import io.guestlist.command.importrun.plan.RowReading;
import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass over a run's rows, from the row after the last one recorded to the end, in batches of about
 * {@value #BATCH} (a household is never split at a batch boundary unless it is huge), each sent on behalf
 * of this instance's lease. The pass stops as soon as the lease is known lost.
 */
@Component
class ImportPass {

    static final int BATCH = 500;
    private static final int MAX_BATCH = 2 * BATCH;
    /**
     * The phone cells a survey leaves for the batches: one per row of the largest run, so that a big run saves as
     * much per row as a small one (about 24 MB at 200,000 cells of the benchmark's kind; a cell's text is kept).
     */
    static final int PHONE_MEMO_CELLS = ImportLimits.MAX_ROWS;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Logger log = LoggerFactory.getLogger(ImportPass.class);

    private final ImportPayloads payloads;
    private final PayloadReader reader;
    private final GuestDirectory directory;
    private final CommandGateway commands;
    private final ImportLeases leases;
    private final HouseholdSurveyor surveyor;
    private final PhoneMemos phoneMemos;

    ImportPass(ImportPayloads payloads, PayloadReader reader, GuestDirectory directory, CommandGateway commands, ImportLeases leases,
               HouseholdSurveyor surveyor, PhoneMemos phoneMemos) {
        this.surveyor = surveyor;
        this.phoneMemos = phoneMemos;
        this.payloads = payloads;
        this.reader = reader;
        this.directory = directory;
        this.commands = commands;
        this.leases = leases;
    }

    void run(ImportRunId runId, AtomicBoolean held) {
        ImportPayloads.Payload payload = payloads.load(runId).orElse(null);
        if (payload == null) {
            return;
        }
        String owner = leases.owner();
        if (payload.undoBy() != null) {
            undo(runId, owner, held, attribution(runId, payload.undoBy()));
            return;
        }
        MetaData attribution = attribution(runId, payload.createdBy());
        send(new StartImportProcessingCommand(runId), attribution);
        WorkspaceSettings workspace = directory.workspace(payload.workspaceId()).orElseThrow();
        String region = workspace.defaultRegion();
        PhoneMemo phones = PhoneMemo.NONE;
        if (!payload.householdsSurveyed()) {
            PhoneMemo surveyed = new PhoneMemo(PHONE_MEMO_CELLS);
            send(new RecordHouseholdSurveyCommand(runId, surveyor.survey(payload, workspace, surveyed)), attribution);
            phones = surveyed.readOnly();
            phoneMemos.hold(runId, phones);
        }
        try {
            sendBatches(runId, owner, held, payload, region, attribution);
        } finally {
            phoneMemos.release(runId, phones);
        }
    }

    private void sendBatches(ImportRunId runId, String owner, AtomicBoolean held, ImportPayloads.Payload payload, String region,
                             MetaData attribution) {
        long started = System.nanoTime();
        long lastLog = started;
        int processed = 0;
        try (RowReader rows = reader.read(payload.channel(), payload.bytes(), payload.contentType(), payload.mapping(), region)) {
            List<RawRow> batch = new ArrayList<>(MAX_BATCH);
            while (rows.hasNext()) {
                if (!held.get()) {
                    throw new ImportLeaseLostException(runId);
                }
                RawRow row = rows.next();
                if (row.rowNumber() < payload.nextRow()) {
                    continue;
                }
                if (batch.size() >= MAX_BATCH || (batch.size() >= BATCH && !sameHousehold(batch.get(batch.size() - 1), row))) {
                    sendBatch(runId, owner, batch, attribution);
                    processed += batch.size();
                    batch = new ArrayList<>(MAX_BATCH);
                    if (System.nanoTime() - lastLog > PROGRESS_EVERY_NANOS) {
                        lastLog = System.nanoTime();
                        log.info("Import run {}: {} rows processed ({} rows/s)", runId, processed, rate(processed, started));
                    }
                }
                batch.add(row);
            }
            if (!batch.isEmpty()) {
                sendBatch(runId, owner, batch, attribution);
                processed += batch.size();
            }
        } catch (GuestlistException e) {
            send(new FailImportCommand(runId, e.getMessage()), attribution);
            log.warn("Import run {} failed: {}", runId, e.getMessage());
            return;
        } catch (RowFailure e) {
            send(new FailImportCommand(runId, e.getMessage()), attribution);
            log.error("Import run {} failed: {}", runId, e.getMessage(), e.getCause());
            return;
        }
        send(new CompleteImportCommand(runId), attribution);
        log.info("Import run {} completed: {} rows processed in this pass ({} rows/s)", runId, processed, rate(processed, started));
    }

    /**
     * Sends a batch. When it fails for a reason that is neither the database's passing trouble nor a lost
     * lease, its rows are sent one by one, so the rows before the culprit are applied and the run fails
     * naming it ({@link RowFailure}), instead of failing again at the same batch for ever.
     */
    private void sendBatch(ImportRunId runId, String owner, List<RawRow> batch, MetaData attribution) {
        try {
            send(new ImportBatchCommand(runId, owner, batch), attribution);
        } catch (RuntimeException e) {
            if (!rowsToBlame(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                throw new RowFailure(batch.get(0).rowNumber(), e);
            }
            for (RawRow row : batch) {
                sendBatch(runId, owner, List.of(row), attribution);
            }
        }
    }

    /** Whether a failure lies with the rows, not with the database's passing trouble or a lease taken over. */
    static boolean rowsToBlame(Throwable failure) {
        return !DatabaseFailures.isTransient(failure)
                && !DatabaseFailures.anyCause(failure, t -> t instanceof ImportLeaseLostException);
    }

    /** A row the run cannot apply: the run fails with a reason that names it. */
    static final class RowFailure extends RuntimeException {
        RowFailure(int rowNumber, Throwable cause) {
            super("Row " + rowNumber + " could not be imported: " + rootMessage(cause), cause);
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage());
        }
    }

    /** Reverts the run batch by batch, newest first, from where an earlier pass stopped. */
    private void undo(ImportRunId runId, String owner, AtomicBoolean held, MetaData attribution) {
        boolean more = true;
        while (more) {
            if (!held.get()) {
                throw new ImportLeaseLostException(runId);
            }
            more = Boolean.TRUE.equals(commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new UndoImportBatchCommand(runId, owner)).andMetaData(attribution)));
        }
        log.info("Import run {} undone", runId);
    }

    private static MetaData attribution(ImportRunId run, String createdBy) {
        return MetaData.with(Attribution.MEMBER_ID, createdBy).and(Attribution.CORRELATION_ID, run.toString());
    }

    private static boolean sameHousehold(RawRow previous, RawRow next) {
        return ImportRows.hasText(next.household()) && ImportRows.hasText(previous.household())
                && Objects.equals(ImportRows.householdKey(previous.household()), ImportRows.householdKey(next.household()));
    }

    private static long rate(int rows, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return rows * TimeUnit.SECONDS.toNanos(1) / nanos;
    }

    /** Records that the run failed for a reason of its own; a failure to record it is only logged. */
    void failQuietly(ImportRunId run) {
        try {
            String createdBy = payloads.load(run).map(ImportPayloads.Payload::createdBy).orElse(null);
            // an undo under way fails its undo instead (the run records which)
            send(new FailImportCommand(run, "The run was stopped by an unexpected error."), attribution(run, createdBy));
        } catch (RuntimeException e) {
            log.warn("Import run {}: could not record its failure: {}", run, e.toString());
        }
    }

    private void send(Object command, MetaData attribution) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(attribution));
    }
}
