package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An undo stopped on an error that is not the database's passing trouble; the batches it reverted stay reverted, and asking again goes on. */
@Revision("1")
public record ImportUndoFailedEvent(ImportRunId runId, WorkspaceId workspaceId, String reason) implements ImportRunEvent {
}
