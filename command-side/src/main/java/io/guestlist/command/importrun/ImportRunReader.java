package io.guestlist.command.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads a run's answer body from its aggregate (usually cached), so the command side answers with the
 * run without asking the query side. The load takes the aggregate's lock, so it waits for a batch
 * being recorded and never sees half of one.
 */
@Component
class ImportRunReader {

    private final Repository<ImportRun> runs;

    ImportRunReader(Repository<ImportRun> runs) {
        this.runs = runs;
    }

    /** Why the run's undo stopped, when it is neither under way nor done; null otherwise. */
    String undoStopped(ImportRunId runId) {
        ResultMessage<String> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> runs.load(runId.toString()).invoke(run -> run.undoing() ? null : run.undoFailure()));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    ImportRunBody body(ImportRunId runId, long position) {
        ResultMessage<ImportRunBody> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> runs.load(runId.toString()).invoke(run -> run.body(position)));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
