package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The run could not be processed; nothing of it was applied. */
@Revision("1")
public record ImportFailedEvent(ImportRunId runId, WorkspaceId workspaceId, String reason) implements ImportRunEvent {
}
