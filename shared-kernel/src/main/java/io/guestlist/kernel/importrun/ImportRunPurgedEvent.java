package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/**
 * The run's own key was erased: the cells of its rows that resolved to no person (skipped for want
 * of a phone, say) read as erased from now on. Rows that placed a person keep that person's key.
 */
@Revision("1")
public record ImportRunPurgedEvent(ImportRunId runId, WorkspaceId workspaceId) implements ImportRunEvent {
}
