package io.guestlist.command.importrun.intake;

import io.guestlist.command.web.CommandSender;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.kernel.importrun.ReceiveImportCommand;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/**
 * Takes a validated payload in: stores it and records the run in one transaction, so a run never
 * exists without its payload nor a payload without its run. An idempotency key already used answers
 * with its run when the payload is the same, and is a conflict when it is not (SPEC §4.4). The new run's
 * lease is held from the start by {@code leaseOwner}, the instance that will work on it.
 */
@Component
public class ImportReception {

    static final String KEY_REUSED = "This Idempotency-Key was used with a different payload.";

    /** The run the submission belongs to, and whether it was made now. */
    public record Received(ImportRunId runId, boolean isNew) {
    }

    private final ImportPayloads payloads;
    private final CommandSender commands;

    ImportReception(ImportPayloads payloads, CommandSender commands) {
        this.payloads = payloads;
        this.commands = commands;
    }

    @Transactional
    public Received receive(WorkspaceId workspace, Channel channel, boolean dryRun, String contentType, String mapping,
                            String idempotencyKey, String sha256, byte[] bytes, int totalRows, String fileName, MetaData attribution,
                            String leaseOwner) {
        ImportRunId run = ImportRunId.random();
        String createdBy = (String) attribution.get(io.guestlist.kernel.meta.Attribution.MEMBER_ID);
        if (!payloads.store(run, workspace, channel, contentType, mapping, idempotencyKey, sha256, bytes, createdBy, leaseOwner)) {
            ImportPayloads.KeyedRun existing = payloads.byKey(workspace, idempotencyKey).orElseThrow();
            if (!existing.payloadSha256().equals(sha256)) {
                throw new GuestlistException(ErrorCode.IDEMPOTENCY_KEY_REUSED, KEY_REUSED, Map.of("runId", existing.runId().toString()));
            }
            return new Received(existing.runId(), false);
        }
        commands.send(new ReceiveImportCommand(run, workspace, channel, dryRun, idempotencyKey, sha256, totalRows, fileName), attribution);
        return new Received(run, true);
    }
}
