package io.guestlist.command.importrun.intake;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Submitted payloads, kept with their run until it is finished (cmd_import_payload). */
@Component
public class ImportPayloads {

    /**
     * A payload as submitted, where its run goes on from, whether its households were surveyed, and who
     * asked for its undo while one is under way (else null).
     */
    public record Payload(ImportRunId runId, WorkspaceId workspaceId, Channel channel, String contentType, String mapping,
                   byte[] bytes, String createdBy, int nextRow, boolean householdsSurveyed, String undoBy) {
    }

    /** The run an idempotency key already names, and the hash of the payload it was given with. */
    public record KeyedRun(ImportRunId runId, String payloadSha256) {
    }

    /** How long a new run's lease lasts before its instance first renews it (that of {@code ImportLeases}). */
    public static final long LEASE_SECONDS = 20;

    private final JdbcClient jdbc;

    ImportPayloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a payload for a new run, its lease held by {@code leaseOwner} (the instance that starts it). With an idempotency key already used in the workspace nothing is
     * stored (the insert waits for a concurrent one with the same key to commit or roll back).
     *
     * @return whether it was stored
     */
    boolean store(ImportRunId run, WorkspaceId workspace, Channel channel, String contentType, String mapping,
                  String idempotencyKey, String sha256, byte[] bytes, String createdBy, String leaseOwner) {
        return jdbc.sql("""
                        INSERT INTO cmd_import_payload (run_id, workspace_id, channel, content_type, mapping, idempotency_key,
                                                        payload_sha256, payload, created_by, lease_owner, lease_expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + ? * interval '1 second')
                        ON CONFLICT (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""")
                .params(run.value(), workspace.value(), channel.name(), contentType, mapping, idempotencyKey, sha256, bytes, createdBy,
                        leaseOwner, LEASE_SECONDS)
                .update() == 1;
    }

    Optional<KeyedRun> byKey(WorkspaceId workspace, String idempotencyKey) {
        return jdbc.sql("SELECT run_id, payload_sha256 FROM cmd_import_payload WHERE workspace_id = ? AND idempotency_key = ?")
                .params(workspace.value(), idempotencyKey)
                .query((rs, n) -> new KeyedRun(ImportRunId.of(rs.getObject(1, UUID.class)), rs.getString(2))).optional();
    }

    public Optional<Payload> load(ImportRunId run) {
        return jdbc.sql("""
                        SELECT workspace_id, channel, content_type, mapping, payload, created_by, next_row, households_surveyed, undo_by
                          FROM cmd_import_payload WHERE run_id = ?""")
                .param(run.value())
                .query((rs, n) -> new Payload(run, WorkspaceId.of(rs.getObject(1, UUID.class)), Channel.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8),
                        rs.getString(9)))
                .optional();
    }

}
