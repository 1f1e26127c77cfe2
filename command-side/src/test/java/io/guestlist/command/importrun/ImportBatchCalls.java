package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * Drives, through test-only commands, what ImportBatchHandler and UndoImportHandler call on a run:
 * the package-private {@code expects}, {@code record} and {@code markUndone}.
 */
class ImportBatchCalls {

    record Expects(ImportRunId runId, int firstRow) {
    }

    record Record(ImportRunId runId, List<RowResult> rows) {
    }

    record MarkUndone(ImportRunId runId, List<Integer> keptNewerChangeRows) {
    }

    private final Repository<ImportRun> runs;

    ImportBatchCalls(Repository<ImportRun> runs) {
        this.runs = runs;
    }

    @CommandHandler
    boolean handle(Expects command) {
        return runs.load(command.runId().toString()).invoke(run -> run.expects(command.firstRow()));
    }

    @CommandHandler
    void handle(Record command) {
        runs.load(command.runId().toString()).execute(run -> run.record(command.rows()));
    }

    @CommandHandler
    void handle(MarkUndone command) {
        runs.load(command.runId().toString()).execute(run -> run.markUndone(command.keptNewerChangeRows()));
    }
}
