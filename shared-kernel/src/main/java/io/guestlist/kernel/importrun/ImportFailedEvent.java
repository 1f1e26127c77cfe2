package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** The run stopped: its file could not be read (nothing applied), or a row could not be applied (the rows before it stay). */
@Revision("1")
public record ImportFailedEvent(ImportRunId runId, WorkspaceId workspaceId, String reason) implements ImportRunEvent {
}
