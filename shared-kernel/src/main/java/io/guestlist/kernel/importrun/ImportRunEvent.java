package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.WorkspaceId;

/** The events of an import run. Every one names its workspace, so no projection has to look it up. */
public sealed interface ImportRunEvent permits ImportReceivedEvent, ImportRunPurgedEvent, ImportProcessingStartedEvent,
        ImportRowsRecordedEvent, ImportCompletedEvent, ImportFailedEvent, ImportUndoneEvent, ImportHouseholdsSurveyedEvent,
        ImportUndoStartedEvent, ImportUndoBatchRevertedEvent, ImportDryRunPlannedEvent, ImportUndoFailedEvent {
    WorkspaceId workspaceId();
}
