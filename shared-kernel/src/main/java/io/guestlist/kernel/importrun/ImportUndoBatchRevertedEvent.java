package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * One batch of the run's rows was reverted, in the transaction of its reversals: every row from
 * {@code firstRow} on is undone now, so an undo interrupted by a crash goes on below it.
 *
 * @param keptNewerChangeRows the batch's rows with a change left in place because later work changed it again
 */
@Revision("1")
public record ImportUndoBatchRevertedEvent(ImportRunId runId, WorkspaceId workspaceId, int firstRow,
                                           List<Integer> keptNewerChangeRows) implements ImportRunEvent {
}
