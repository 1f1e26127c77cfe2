package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The run's changes were reversed (the reversing events precede this one), except those that later
 * work had changed again: {@code keptNewerChangeRows} are the rows with such a change, left as it is.
 * Events stored before those fields existed read as none kept.
 */
@Revision("1")
public record ImportUndoneEvent(ImportRunId runId, WorkspaceId workspaceId, int keptNewerChange,
                                List<Integer> keptNewerChangeRows) implements ImportRunEvent {

    public ImportUndoneEvent {
        keptNewerChangeRows = keptNewerChangeRows == null ? List.of() : List.copyOf(keptNewerChangeRows);
    }
}
