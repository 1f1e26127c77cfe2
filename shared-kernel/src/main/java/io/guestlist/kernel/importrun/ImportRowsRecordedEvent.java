package io.guestlist.kernel.importrun;

import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A batch of consecutive rows was processed; each with its outcome, applied in the same transaction. */
@Revision("1")
public record ImportRowsRecordedEvent(@DataSubject ImportRunId runId, WorkspaceId workspaceId, List<RowResult> rows) implements ImportRunEvent {
}
