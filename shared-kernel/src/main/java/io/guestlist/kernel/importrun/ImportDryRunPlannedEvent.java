package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A dry run's batch as the real run would have applied it, with the ids it would have given new people
 * and units: read only by the run itself, so that its later batches see what its earlier ones would have
 * done (a phone it would have created is known, a unit it would have made has its tags), as a real run's
 * do. The rows the dry run shows are in {@link ImportRowsRecordedEvent}.
 */
@Revision("1")
public record ImportDryRunPlannedEvent(ImportRunId runId, WorkspaceId workspaceId, List<RowResult> planned) implements ImportRunEvent {
}
