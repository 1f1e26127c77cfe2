package io.guestlist.command.importrun;

import io.guestlist.command.importrun.intake.ImportPayloads;
import io.guestlist.kernel.ids.ImportRunId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which instance works on which run: a lease on the run's payload row (lease_owner, lease_expires_at),
 * its times always from the database's clock. An instance claims a run only when nobody holds it or
 * its holder stopped renewing; the holder renews it in every batch's transaction, so a batch of an
 * instance that lost its run never commits.
 */
@Component
class ImportLeases {

    static final Duration LEASE = Duration.ofSeconds(ImportPayloads.LEASE_SECONDS);

    /** This instance, as lease owner: unique per process and per application context. */
    private final String owner = "instance-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;

    ImportLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String owner() {
        return owner;
    }

    /** Takes the run when it is unfinished and unowned, owned here already, or its lease ran out. */
    boolean claim(ImportRunId run) {
        return !jdbc.sql("""
                        UPDATE cmd_import_payload SET lease_owner = :owner, lease_expires_at = now() + :seconds * interval '1 second'
                         WHERE run_id = :run AND NOT finished
                           AND (lease_owner IS NULL OR lease_owner = :owner OR lease_expires_at < now())
                        RETURNING run_id""")
                .param("owner", owner).param("seconds", LEASE.toSeconds()).param("run", run.value())
                .query(UUID.class).list().isEmpty();
    }

    /** Unfinished runs nobody holds (or whose holder stopped renewing), oldest first. */
    List<ImportRunId> claimable() {
        return jdbc.sql("""
                        SELECT run_id FROM cmd_import_payload
                         WHERE NOT finished AND (lease_owner IS NULL OR lease_expires_at < now())
                         ORDER BY created_at""")
                .query((rs, n) -> ImportRunId.of(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Extends the lease of a run this instance holds; false when another instance has claimed it since.
     * Run in a batch's transaction, it also locks the run's row until the batch commits.
     */
    boolean renew(ImportRunId run, String holder) {
        return jdbc.sql("""
                        UPDATE cmd_import_payload SET lease_expires_at = now() + ? * interval '1 second'
                         WHERE run_id = ? AND lease_owner = ?""")
                .params(LEASE.toSeconds(), run.value(), holder).update() == 1;
    }

    /** Extends the leases of these runs; returns the ones this instance no longer holds. */
    Set<ImportRunId> renewAll(Collection<ImportRunId> runs) {
        Set<ImportRunId> lost = new HashSet<>(runs);
        if (runs.isEmpty()) {
            return lost;
        }
        jdbc.sql("""
                        UPDATE cmd_import_payload SET lease_expires_at = now() + :seconds * interval '1 second'
                         WHERE run_id IN (:runs) AND lease_owner = :owner
                        RETURNING run_id""")
                .param("seconds", LEASE.toSeconds()).param("owner", owner)
                .param("runs", runs.stream().map(ImportRunId::value).toList())
                .query((rs, n) -> ImportRunId.of(rs.getObject(1, UUID.class))).list().forEach(lost::remove);
        return lost;
    }

    /** Lets the run go (done, or this instance is stopping), so another instance may take it at once. */
    void release(ImportRunId run) {
        jdbc.sql("UPDATE cmd_import_payload SET lease_owner = NULL, lease_expires_at = NULL WHERE run_id = ? AND lease_owner = ?")
                .params(run.value(), owner).update();
    }
}
