package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The run's changes were reversed (the reversing events precede this one). */
@Revision("1")
public record ImportUndoneEvent(ImportRunId runId, WorkspaceId workspaceId) implements ImportRunEvent {
}
