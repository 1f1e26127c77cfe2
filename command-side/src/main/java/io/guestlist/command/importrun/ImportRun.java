package io.guestlist.command.importrun;

import io.guestlist.command.importrun.plan.DryRunOverlay;
import io.guestlist.command.importrun.plan.HouseholdSurvey;
import io.guestlist.command.importrun.plan.ImportRows;
import io.guestlist.command.importrun.plan.RunSoFar;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.kernel.importrun.ImportCompletedEvent;
import io.guestlist.kernel.importrun.ImportDryRunPlannedEvent;
import io.guestlist.kernel.importrun.ImportFailedEvent;
import io.guestlist.kernel.importrun.ImportHouseholdsSurveyedEvent;
import io.guestlist.kernel.importrun.ImportProcessingStartedEvent;
import io.guestlist.kernel.importrun.ImportReceivedEvent;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.ImportRunPurgedEvent;
import io.guestlist.kernel.importrun.PurgeImportRunCommand;
import io.guestlist.kernel.importrun.ImportStatus;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.kernel.importrun.ImportUndoStartedEvent;
import io.guestlist.kernel.importrun.ImportUndoFailedEvent;
import io.guestlist.kernel.importrun.ImportUndoBatchRevertedEvent;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.ReceiveImportCommand;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.privacy.PersonalData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One submission of rows. Rows are recorded in order, batch by batch, each batch in the transaction
 * that applies its changes: a batch that does not start at the next expected row is a replay and is
 * ignored, so a run resumed after a crash applies no row twice and loses none (SPEC §4.4). It also
 * knows what the answer to a submission shows ({@link #body}), and where each household of the run goes
 * (surveyed before the first batch, then the units its rows made). Revision 3 added the survey: older
 * snapshots are ignored and the run is read from its events.
 */
@Aggregate(snapshotTriggerDefinition = "importRunSnapshotTrigger", cache = "aggregateCache")
@Revision("3")
class ImportRun implements RunSoFar {

    static final String NO_ROWS = "An import needs at least one row.";
    static final String NOT_PROCESSING = "The run is not processing rows.";
    static final String ROWS_MISSING = "The run has rows not yet recorded.";
    static final String NOT_PURGEABLE = "Only a finished run can be purged.";
    static final String NOT_UNDOABLE = "Only a completed run, or a failed one that applied rows, not undone yet, can be undone.";

    @AggregateIdentifier
    @DataSubject
    private ImportRunId runId;
    private WorkspaceId workspaceId;
    private ImportStatus status;
    private boolean dryRun;
    private boolean undone;
    private boolean purged;
    private int totalRows;
    private int nextRow;
    private int recordedRows;
    private final Map<Outcome, Integer> counters = new EnumMap<>(Outcome.class);
    private int inviteableRows;
    @PersonalData
    private final Set<String> phonesSeen = new HashSet<>();
    private final Map<String, UnitId> households = new HashMap<>();
    private boolean householdsSurveyed;
    private final Set<String> householdsByName = new HashSet<>();
    private final Set<String> householdsOfAmbiguousName = new HashSet<>();
    private Channel channel;
    private String fileName;
    private String failureReason;
    private Instant createdAt;
    private String createdBy;
    private Instant finishedAt;
    private Instant undoneAt;
    private String undoneBy;
    private int keptNewerChange;
    /** Where each ImportRowsRecordedEvent of the run sits in its stream, and its first row: what an undo reverts, batch by batch. */
    private final List<Long> recordedSequences = new ArrayList<>();
    private final List<Integer> recordedFirstRows = new ArrayList<>();
    private boolean undoing;
    private String undoFailure;
    /** Rows from this one on are reverted by the undo under way. */
    private int undoneFromRow = Integer.MAX_VALUE;
    private final List<Integer> undoKeptRows = new ArrayList<>();
    /** A dry run's batches as the real run would have applied them, for its later batches to plan against. */
    private final DryRunOverlay dryRunOverlay = new DryRunOverlay();

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

    /** Recorded once, before the first row; a resumed run that surveyed already ignores a second survey. */
    @CommandHandler
    void handle(RecordHouseholdSurveyCommand command) {
        ensureProcessing();
        if (!householdsSurveyed && recordedRows == 0) {
            HouseholdSurvey.Result survey = command.survey();
            apply(new ImportHouseholdsSurveyedEvent(runId, workspaceId, survey.ofKnownPerson(), survey.byName(), survey.ambiguousName()));
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
        } else if (undoing()) {
            apply(new ImportUndoFailedEvent(runId, workspaceId, command.reason()));
        }
    }

    /**
     * Erases the run's key (rows that resolved to no person). Only a finished run: a run still going
     * would write more rows with it. A run purged already stays as it is.
     */
    @CommandHandler
    void handle(PurgeImportRunCommand command) {
        if (!workspaceId.equals(command.workspaceId())) {
            throw GuestlistException.notFound("Import run");
        }
        purge();
    }

    /** The retention job's purge of an expired run: the same, on behalf of no member. */
    @CommandHandler
    void handle(PurgeExpiredImportRunCommand command) {
        purge();
    }

    private void purge() {
        if (status != ImportStatus.COMPLETED && status != ImportStatus.FAILED) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_PURGEABLE);
        }
        if (!purged) {
            apply(new ImportRunPurgedEvent(runId, workspaceId));
        }
    }

    @EventSourcingHandler
    void on(ImportRunPurgedEvent e) {
        purged = true;
        phonesSeen.clear();
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

    /** A dry run's batch: the rows as it shows them, and as the real run would have applied them. */
    void recordDryRun(List<RowResult> shown, List<RowResult> planned) {
        ensureProcessing();
        apply(new ImportRowsRecordedEvent(runId, workspaceId, shown));
        apply(new ImportDryRunPlannedEvent(runId, workspaceId, planned));
    }

    DryRunOverlay dryRunOverlay() {
        return dryRunOverlay;
    }

    void ensureUndoable() {
        boolean finished = status == ImportStatus.COMPLETED || (status == ImportStatus.FAILED && recordedRows > 0);
        if (!finished || dryRun || undone) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_UNDOABLE);
        }
    }

    /** Records the undo; {@code keptNewerChangeRows} are the rows whose change later work had superseded. */
    void markUndone(List<Integer> keptNewerChangeRows) {
        ensureUndoable();
        apply(new ImportUndoneEvent(runId, workspaceId, keptNewerChangeRows.size(), keptNewerChangeRows));
    }

    /** Starts an undo, batch by batch; asking again while one is under way changes nothing (it goes on). */
    void startUndo() {
        ensureUndoable();
        if (!undoing) {
            apply(new ImportUndoStartedEvent(runId, workspaceId));
        }
    }

    boolean undoing() {
        return undoing && !undone;
    }

    /** Why the last undo stopped before its end, if it did. */
    String undoFailure() {
        return undoFailure;
    }

    /** The stream position of the newest recorded batch not yet reverted, if any is left. */
    OptionalLong nextBatchToUndo() {
        for (int i = recordedSequences.size() - 1; i >= 0; i--) {
            if (recordedFirstRows.get(i) < undoneFromRow) {
                return OptionalLong.of(recordedSequences.get(i));
            }
        }
        return OptionalLong.empty();
    }

    void recordUndoBatch(int firstRow, List<Integer> keptNewerChangeRows) {
        ensureUndoable();
        apply(new ImportUndoBatchRevertedEvent(runId, workspaceId, firstRow, keptNewerChangeRows));
    }

    /** Ends the undo once no batch is left, with every row kept for later work, in row order. */
    void finishUndo() {
        List<Integer> kept = new ArrayList<>(undoKeptRows);
        Collections.sort(kept);
        markUndone(kept);
    }

    /** The run as the read model shows it, with the position to read it back. */
    ImportRunBody body(long position) {
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome.apiName(), counters.getOrDefault(outcome, 0));
        }
        return new ImportRunBody(runId.value(), channel.name(), status.name(), failureReason, dryRun, fileName, totalRows,
                recordedRows, inviteableRows, byOutcome, createdAt, finishedAt, createdBy, undoneAt, undoneBy, keptNewerChange,
                position);
    }

    @Override
    public boolean seen(String e164) {
        return phonesSeen.contains(e164);
    }

    /** The unit a household goes to, when the survey or an earlier batch settled it. */
    @Override
    public Optional<UnitId> unitOfHousehold(String householdKey) {
        return Optional.ofNullable(households.get(householdKey));
    }

    /** Whether the household joins a unit of the workspace by its name (none of its people known). */
    @Override
    public boolean joinsByName(String householdKey) {
        return householdsByName.contains(householdKey);
    }

    /** Whether two or more ACTIVE units bear the household's name, none of its people known: it gets a unit of its own. */
    @Override
    public boolean ambiguousName(String householdKey) {
        return householdsOfAmbiguousName.contains(householdKey);
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
    void on(ImportReceivedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        runId = e.runId();
        workspaceId = e.workspaceId();
        status = ImportStatus.RECEIVED;
        dryRun = e.dryRun();
        totalRows = e.totalRows();
        nextRow = 1;
        channel = e.channel();
        fileName = e.fileName();
        createdAt = stored(at);
        createdBy = by;
    }

    @EventSourcingHandler
    void on(ImportProcessingStartedEvent e) {
        status = ImportStatus.PROCESSING;
    }

    @EventSourcingHandler
    void on(ImportHouseholdsSurveyedEvent e) {
        householdsSurveyed = true;
        households.putAll(e.ofKnownPerson());
        households.putAll(e.byName());
        householdsByName.addAll(e.byName().keySet());
        householdsOfAmbiguousName.addAll(e.ambiguousName());
    }

    @EventSourcingHandler
    void on(ImportDryRunPlannedEvent e) {
        dryRunOverlay.fold(e.planned());
        for (RowResult row : e.planned()) {
            if (row.parsed().household() != null && row.unitId() != null) {
                households.putIfAbsent(ImportRows.householdKey(row.parsed().household()), row.unitId());
            }
        }
    }

    @EventSourcingHandler
    void on(ImportUndoStartedEvent e) {
        undoing = true;
        undoFailure = null;
    }

    @EventSourcingHandler
    void on(ImportUndoFailedEvent e) {
        undoing = false;
        undoFailure = e.reason();
    }

    @EventSourcingHandler
    void on(ImportUndoBatchRevertedEvent e) {
        undoneFromRow = e.firstRow();
        undoKeptRows.addAll(e.keptNewerChangeRows());
    }

    @EventSourcingHandler
    void on(ImportRowsRecordedEvent e, @SequenceNumber long sequence) {
        if (!e.rows().isEmpty()) {
            recordedSequences.add(sequence);
            recordedFirstRows.add(e.rows().get(0).rowNumber());
        }
        for (RowResult row : e.rows()) {
            counters.merge(row.outcome(), 1, Integer::sum);
            inviteableRows += row.inviteable() ? 1 : 0;
            // parsed is null once the row's personal data is erased
            if (row.parsed() != null && row.parsed().phone() != null) {
                phonesSeen.add(row.parsed().phone());
            }
            if (row.parsed() != null && row.parsed().household() != null && row.unitId() != null) {
                households.putIfAbsent(ImportRows.householdKey(row.parsed().household()), row.unitId());
            }
            nextRow = row.rowNumber() + 1;
        }
        recordedRows += e.rows().size();
    }

    @EventSourcingHandler
    void on(ImportCompletedEvent e, @Timestamp Instant at) {
        status = ImportStatus.COMPLETED;
        finishedAt = stored(at);
    }

    @EventSourcingHandler
    void on(ImportFailedEvent e, @Timestamp Instant at) {
        status = ImportStatus.FAILED;
        failureReason = e.reason();
        finishedAt = stored(at);
    }

    @EventSourcingHandler
    void on(ImportUndoneEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        undone = true;
        undoneAt = stored(at);
        undoneBy = by;
        keptNewerChange = e.keptNewerChange();
    }

    /**
     * An event's time as the event store keeps it, to the millisecond (Axon's JDBC engine): a run
     * loaded from the store, a run still cached and the read model all show the same instant.
     */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
