package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** A payload was accepted for import; {@code totalRows} rows await processing. */
@Revision("1")
public record ImportReceivedEvent(ImportRunId runId, WorkspaceId workspaceId, Channel channel, boolean dryRun, String idempotencyKey, String payloadSha256, int totalRows, String fileName) implements ImportRunEvent {
}
