package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An owner asked to undo the run: it is reverted in batches, newest rows first, until {@link ImportUndoneEvent}. */
@Revision("1")
public record ImportUndoStartedEvent(ImportRunId runId, WorkspaceId workspaceId) implements ImportRunEvent {
}
