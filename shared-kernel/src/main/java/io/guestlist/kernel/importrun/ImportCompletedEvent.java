package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** Every row of the run was processed. */
@Revision("1")
public record ImportCompletedEvent(ImportRunId runId, WorkspaceId workspaceId, Map<Outcome, Integer> counters, int inviteableRows) implements ImportRunEvent {
}
