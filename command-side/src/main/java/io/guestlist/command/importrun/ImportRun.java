package io.guestlist.command.importrun;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.ImportCompletedEvent;
import io.guestlist.kernel.importrun.ImportFailedEvent;
import io.guestlist.kernel.importrun.ImportProcessingStartedEvent;
import io.guestlist.kernel.importrun.ImportReceivedEvent;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.ImportStatus;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.ReceiveImportCommand;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One submission of rows. Rows are recorded in order, batch by batch, each batch in the transaction
 * that applies its changes: a batch that does not start at the next expected row is a replay and is
 * ignored, so a run resumed after a crash applies no row twice and loses none (SPEC §4.4).
 */
@Aggregate(snapshotTriggerDefinition = "importRunSnapshotTrigger", cache = "aggregateCache")
public class ImportRun {

    static final String NO_ROWS = "An import needs at least one row.";
    static final String NOT_PROCESSING = "The run is not processing rows.";
    static final String ROWS_MISSING = "The run has rows not yet recorded.";
    static final String NOT_UNDOABLE = "Only a completed run that changed something, not undone yet, can be undone.";

    @AggregateIdentifier
    private ImportRunId runId;
    private WorkspaceId workspaceId;
    private ImportStatus status;
    private boolean dryRun;
    private boolean undone;
    private int totalRows;
    private int nextRow;
    private int recordedRows;
    private final Map<Outcome, Integer> counters = new EnumMap<>(Outcome.class);
    private int inviteableRows;
    private final Set<String> phonesSeen = new HashSet<>();
    private final Map<String, UnitId> households = new HashMap<>();

    private ImportRun() {
    }

    @CommandHandler
    ImportRun(ReceiveImportCommand command) {
        if (command.totalRows() < 1) {
            throw GuestlistException.invalid(NO_ROWS);
        }
        apply(new ImportReceivedEvent(command.runId(), command.workspaceId(), command.channel(), command.dryRun(),
                command.idempotencyKey(), command.payloadSha256(), command.totalRows(), command.fileName()));
    }

    @CommandHandler
    void handle(StartImportProcessingCommand command) {
        if (status == ImportStatus.RECEIVED) {
            apply(new ImportProcessingStartedEvent(runId, workspaceId));
        } else if (status != ImportStatus.PROCESSING) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_PROCESSING);
        }
    }

    @CommandHandler
    void handle(CompleteImportCommand command) {
        ensureProcessing();
        if (recordedRows < totalRows) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ROWS_MISSING);
        }
        apply(new ImportCompletedEvent(runId, workspaceId, Map.copyOf(counters), inviteableRows));
    }

    @CommandHandler
    void handle(FailImportCommand command) {
        if (status == ImportStatus.RECEIVED || status == ImportStatus.PROCESSING) {
            apply(new ImportFailedEvent(runId, workspaceId, command.reason()));
        }
    }

    /** Whether a batch starting at {@code firstRow} is new; false for one recorded already (a replay). */
    boolean expects(int firstRow) {
        ensureProcessing();
        return firstRow >= nextRow;
    }

    void record(List<RowResult> rows) {
        ensureProcessing();
        apply(new ImportRowsRecordedEvent(runId, workspaceId, rows));
    }

    void ensureUndoable() {
        if (status != ImportStatus.COMPLETED || dryRun || undone) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_UNDOABLE);
        }
    }

    void markUndone() {
        ensureUndoable();
        apply(new ImportUndoneEvent(runId, workspaceId));
    }

    boolean seen(String e164) {
        return phonesSeen.contains(e164);
    }

    Optional<UnitId> unitOfHousehold(String household) {
        return Optional.ofNullable(households.get(ImportRows.householdKey(household)));
    }

    boolean dryRun() {
        return dryRun;
    }

    WorkspaceId workspaceId() {
        return workspaceId;
    }

    private void ensureProcessing() {
        if (status != ImportStatus.PROCESSING) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_PROCESSING);
        }
    }

    @EventSourcingHandler
    void on(ImportReceivedEvent e) {
        runId = e.runId();
        workspaceId = e.workspaceId();
        status = ImportStatus.RECEIVED;
        dryRun = e.dryRun();
        totalRows = e.totalRows();
        nextRow = 1;
    }

    @EventSourcingHandler
    void on(ImportProcessingStartedEvent e) {
        status = ImportStatus.PROCESSING;
    }

    @EventSourcingHandler
    void on(ImportRowsRecordedEvent e) {
        for (RowResult row : e.rows()) {
            counters.merge(row.outcome(), 1, Integer::sum);
            inviteableRows += row.inviteable() ? 1 : 0;
            if (row.parsed().phone() != null) {
                phonesSeen.add(row.parsed().phone());
            }
            if (row.parsed().household() != null && row.unitId() != null) {
                households.putIfAbsent(ImportRows.householdKey(row.parsed().household()), row.unitId());
            }
            nextRow = row.rowNumber() + 1;
        }
        recordedRows += e.rows().size();
    }

    @EventSourcingHandler
    void on(ImportCompletedEvent e) {
        status = ImportStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ImportFailedEvent e) {
        status = ImportStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ImportUndoneEvent e) {
        undone = true;
    }
}
