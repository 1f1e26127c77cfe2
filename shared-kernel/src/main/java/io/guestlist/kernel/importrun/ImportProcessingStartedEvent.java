package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** Processing of the run's rows began. */
@Revision("1")
public record ImportProcessingStartedEvent(ImportRunId runId, WorkspaceId workspaceId) implements ImportRunEvent {
}
