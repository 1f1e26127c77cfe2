package io.guestlist.command.importrun;

import io.guestlist.command.importrun.ImportBatchCalls.Expects;
import io.guestlist.command.importrun.ImportBatchCalls.MarkUndone;
import io.guestlist.command.importrun.ImportBatchCalls.Record;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.kernel.importrun.ImportCompletedEvent;
import io.guestlist.kernel.importrun.ImportFailedEvent;
import io.guestlist.kernel.importrun.ImportProcessingStartedEvent;
import io.guestlist.kernel.importrun.ImportReceivedEvent;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.kernel.importrun.ImportRunPurgedEvent;
import io.guestlist.kernel.importrun.PurgeImportRunCommand;
import io.guestlist.kernel.importrun.ImportUndoStartedEvent;
import io.guestlist.kernel.importrun.ImportUndoFailedEvent;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.ParsedRow;
import io.guestlist.kernel.importrun.ReceiveImportCommand;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.guestlist.command.Rejection.rejectedWith;
import static io.guestlist.command.importrun.ImportRun.NOT_PROCESSING;
import static io.guestlist.command.importrun.ImportRun.NOT_PURGEABLE;
import static io.guestlist.command.importrun.ImportRun.NOT_UNDOABLE;
import static io.guestlist.command.importrun.ImportRun.NO_ROWS;
import static io.guestlist.command.importrun.ImportRun.ROWS_MISSING;
import static io.guestlist.kernel.error.ErrorCode.STATE_CONFLICT;
import static io.guestlist.kernel.error.ErrorCode.VALIDATION;

class ImportRunFixtureTest {

    private static final ImportRunId RUN = ImportRunId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final UnitId SHARMAS = UnitId.random();
    private static final PersonId ASHA = PersonId.random();

    private FixtureConfiguration<ImportRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImportRun.class);
        fixture.registerAnnotatedCommandHandler(new ImportBatchCalls(fixture.getRepository()));
    }

    private static ImportReceivedEvent received(int totalRows, boolean dryRun) {
        return new ImportReceivedEvent(RUN, WORKSPACE, Channel.CSV, dryRun, "key-1", "a".repeat(64), totalRows, "guests.csv");
    }

    private static ImportProcessingStartedEvent started() {
        return new ImportProcessingStartedEvent(RUN, WORKSPACE);
    }

    private static RowResult created(int rowNumber, String e164) {
        return new RowResult(rowNumber, Map.of("phone", e164), new ParsedRow("Asha", e164, e164, null, null, "Sharmas", null,
                List.of(), null, null, null), Outcome.CREATED, List.of(), true, ASHA, SHARMAS,
                new RowResult.Before(true, true, null, null, false, false, false, null, List.of(), false, null, null));
    }

    private static RowResult skipped(int rowNumber) {
        return new RowResult(rowNumber, Map.of("name", "Nobody"), new ParsedRow("Nobody", null, null, null, null, null, null,
                List.of(), null, null, null), Outcome.SKIPPED_NO_PHONE, List.of(), false, null, null, null);
    }

    private static ImportRowsRecordedEvent recorded(RowResult... rows) {
        return new ImportRowsRecordedEvent(RUN, WORKSPACE, List.of(rows));
    }

    private static ImportCompletedEvent completedWithTwoRows() {
        return new ImportCompletedEvent(RUN, WORKSPACE, Map.of(Outcome.CREATED, 1, Outcome.SKIPPED_NO_PHONE, 1), 1);
    }

    // receive, start

    @Test
    void givenNothing_whenReceived_thenReceivedWithItsRows() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveImportCommand(RUN, WORKSPACE, Channel.CSV, false, "key-1", "a".repeat(64), 2, "guests.csv"))
                .expectEvents(received(2, false));
    }

    @Test
    void givenNothing_whenReceivedWithoutRows_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveImportCommand(RUN, WORKSPACE, Channel.CSV, false, null, "a".repeat(64), 0, null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NO_ROWS));
    }

    @Test
    void givenReceived_whenStarted_thenProcessing() {
        fixture.given(received(2, false))
                .when(new StartImportProcessingCommand(RUN))
                .expectEvents(started());
    }

    @Test
    void givenProcessing_whenStartedAgain_thenNothingHappens() {
        fixture.given(received(2, false), started())
                .when(new StartImportProcessingCommand(RUN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenCompleted_whenStarted_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new StartImportProcessingCommand(RUN))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    // rows

    @Test
    void givenProcessing_whenRowsRecorded_thenRecorded() {
        fixture.given(received(2, false), started())
                .when(new Record(RUN, List.of(created(1, "+919876543210"))))
                .expectEvents(recorded(created(1, "+919876543210")));
    }

    @Test
    void givenReceived_whenRowsRecordedBeforeStart_thenConflict() {
        fixture.given(received(2, false))
                .when(new Record(RUN, List.of(created(1, "+919876543210"))))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    @Test
    void givenFirstRowRecorded_whenBatchStartsAtRowOneAgain_thenNotExpected() {
        fixture.given(received(3, false), started(), recorded(created(1, "+919876543210")))
                .when(new Expects(RUN, 1))
                .expectSuccessfulHandlerExecution().expectResultMessagePayload(false).expectNoEvents();
    }

    @Test
    void givenFirstRowRecorded_whenBatchStartsAtRowTwo_thenExpected() {
        fixture.given(received(3, false), started(), recorded(created(1, "+919876543210")))
                .when(new Expects(RUN, 2))
                .expectSuccessfulHandlerExecution().expectResultMessagePayload(true);
    }

    @Test
    void givenCompleted_whenAnotherRowRecorded_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new Record(RUN, List.of(skipped(3))))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    @Test
    void givenCompleted_whenBatchOffered_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new Expects(RUN, 3))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    // complete, fail

    @Test
    void givenEveryRowRecorded_whenCompleted_thenCompletedWithCountersPerOutcome() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")), recorded(skipped(2)))
                .when(new CompleteImportCommand(RUN))
                .expectEvents(completedWithTwoRows());
    }

    @Test
    void givenRowsMissing_whenCompleted_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")))
                .when(new CompleteImportCommand(RUN))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ROWS_MISSING));
    }

    @Test
    void givenReceived_whenCompleted_thenConflict() {
        fixture.given(received(2, false))
                .when(new CompleteImportCommand(RUN))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    @Test
    void givenProcessing_whenFailed_thenFailedWithReason() {
        fixture.given(received(2, false), started())
                .when(new FailImportCommand(RUN, "The file cannot be read."))
                .expectEvents(new ImportFailedEvent(RUN, WORKSPACE, "The file cannot be read."));
    }

    @Test
    void givenReceived_whenFailed_thenFailed() {
        fixture.given(received(2, false))
                .when(new FailImportCommand(RUN, "The file cannot be read."))
                .expectEvents(new ImportFailedEvent(RUN, WORKSPACE, "The file cannot be read."));
    }

    @Test
    void givenCompleted_whenFailed_thenNothingHappens() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new FailImportCommand(RUN, "late"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenFailed_whenStarted_thenConflict() {
        fixture.given(received(2, false), started(), new ImportFailedEvent(RUN, WORKSPACE, "unreadable"))
                .when(new StartImportProcessingCommand(RUN))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PROCESSING));
    }

    // undo

    @Test
    void givenCompleted_whenUndone_thenUndone() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new MarkUndone(RUN, List.of()))
                .expectEvents(new ImportUndoneEvent(RUN, WORKSPACE, 0, List.of()));
    }

    @Test
    void givenCompleted_whenUndoneKeepingNewerChanges_thenTheRowsAndTheirCountAreRecorded() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new MarkUndone(RUN, List.of(1)))
                .expectEvents(new ImportUndoneEvent(RUN, WORKSPACE, 1, List.of(1)));
    }

    @Test
    void givenProcessing_whenUndone_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")))
                .when(new MarkUndone(RUN, List.of()))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_UNDOABLE));
    }

    @Test
    void givenFailedAfterSomeRows_whenUndone_thenUndone() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")),
                        new ImportFailedEvent(RUN, WORKSPACE, "Row 2 could not be imported: boom"))
                .when(new MarkUndone(RUN, List.of()))
                .expectEvents(new ImportUndoneEvent(RUN, WORKSPACE, 0, List.of()));
    }

    @Test
    void givenAnUndoUnderWay_whenFailed_thenTheUndoFails_notTheRun() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows(),
                        new ImportUndoStartedEvent(RUN, WORKSPACE))
                .when(new FailImportCommand(RUN, "boom"))
                .expectEvents(new ImportUndoFailedEvent(RUN, WORKSPACE, "boom"));
    }

    @Test
    void givenFailedBeforeAnyRow_whenUndone_thenConflict() {
        fixture.given(received(2, false), new ImportFailedEvent(RUN, WORKSPACE, "unreadable"))
                .when(new MarkUndone(RUN, List.of()))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_UNDOABLE));
    }

    @Test
    void givenCompletedDryRun_whenUndone_thenConflict() {
        fixture.given(received(2, true), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new MarkUndone(RUN, List.of()))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_UNDOABLE));
    }

    @Test
    void givenUndone_whenUndoneAgain_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows(),
                        new ImportUndoneEvent(RUN, WORKSPACE, 0, List.of()))
                .when(new MarkUndone(RUN, List.of()))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_UNDOABLE));
    }

    // purge

    @Test
    void givenCompleted_whenPurged_thenPurged() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new PurgeImportRunCommand(RUN, WORKSPACE))
                .expectEvents(new ImportRunPurgedEvent(RUN, WORKSPACE));
    }

    @Test
    void givenFailed_whenPurged_thenPurged() {
        fixture.given(received(2, false), new ImportFailedEvent(RUN, WORKSPACE, "unreadable"))
                .when(new PurgeImportRunCommand(RUN, WORKSPACE))
                .expectEvents(new ImportRunPurgedEvent(RUN, WORKSPACE));
    }

    @Test
    void givenPurged_whenPurgedAgain_thenNothingHappens() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows(),
                        new ImportRunPurgedEvent(RUN, WORKSPACE))
                .when(new PurgeImportRunCommand(RUN, WORKSPACE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenProcessing_whenPurged_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")))
                .when(new PurgeImportRunCommand(RUN, WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PURGEABLE));
    }

    @Test
    void givenCompleted_whenItsRetentionRunsOut_thenPurged() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new PurgeExpiredImportRunCommand(RUN))
                .expectEvents(new ImportRunPurgedEvent(RUN, WORKSPACE));
    }

    @Test
    void givenPurgedByItsOwner_whenItsRetentionRunsOut_thenNothingHappens() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows(),
                        new ImportRunPurgedEvent(RUN, WORKSPACE))
                .when(new PurgeExpiredImportRunCommand(RUN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenProcessing_whenItsRetentionRunsOut_thenConflict() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210")))
                .when(new PurgeExpiredImportRunCommand(RUN))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_PURGEABLE));
    }

    @Test
    void givenCompleted_whenPurgedFromAnotherWorkspace_thenNotFound() {
        fixture.given(received(2, false), started(), recorded(created(1, "+919876543210"), skipped(2)), completedWithTwoRows())
                .when(new PurgeImportRunCommand(RUN, WorkspaceId.random()))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_FOUND, "Import run not found"));
    }
}
