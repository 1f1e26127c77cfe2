package io.guestlist.query.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds' status in {@code rebuild_runs}, so any instance answers for any run and a run outlives a
 * restart. The instance running a rebuild writes its status every {@link #BEAT}. A run whose beat
 * stopped for {@link #STALE} lost its instance (a crash): the next instance to look, at its start and
 * then every beat, marks it {@code FAILED} and drops its shadow schema, as it drops any shadow schema
 * that no live run owns.
 */
@Component
class RebuildRuns {

    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration STALE = Duration.ofSeconds(30);
    private static final String UNFINISHED = "state NOT IN ('DONE', 'FAILED')";

    private final String instance = UUID.randomUUID().toString();
    private final JsonMapper json = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RebuildRuns(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static String schemaOf(UUID run) {
        return "rebuild_" + run.toString().substring(0, 8);
    }

    /** Writes a run's status, unless it finished already (a late beat must not revive it). */
    void save(RebuildStatus status) {
        jdbc.update("""
                INSERT INTO rebuild_runs (id, instance, state, status, heartbeat_at) VALUES (?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, status = excluded.status, heartbeat_at = now()
                WHERE rebuild_runs.%s""".formatted(UNFINISHED),
                status.id(), instance, status.state(), json.writeValueAsString(status));
    }

    Optional<RebuildStatus> find(UUID id) {
        return jdbc.queryForList("SELECT status FROM rebuild_runs WHERE id = ?", String.class, id).stream()
                .map(s -> json.readValue(s, RebuildStatus.class)).findFirst();
    }

    /** Whether a rebuild other than {@code known} is running on some instance that is alive. */
    boolean anyRunningBesides(Collection<UUID> known) {
        return jdbc.queryForList("SELECT id FROM rebuild_runs WHERE " + UNFINISHED + " AND heartbeat_at > now() - ? * interval '1 second'",
                UUID.class, STALE.toSeconds()).stream().anyMatch(id -> !known.contains(id));
    }

    /** Marks the runs of instances gone {@code FAILED} and drops every shadow schema no live run owns. */
    void failAbandoned() {
        transaction.executeWithoutResult(tx -> jdbc.queryForList("""
                SELECT status FROM rebuild_runs WHERE %s AND heartbeat_at <= now() - ? * interval '1 second'
                FOR UPDATE SKIP LOCKED""".formatted(UNFINISHED), String.class, STALE.toSeconds()).stream()
                .map(s -> json.readValue(s, RebuildStatus.class))
                .forEach(run -> save(run.abandoned("its instance stopped while it ran (no heartbeat for " + STALE.toSeconds() + " s)"))));
        List<String> owned = jdbc.queryForList("SELECT id FROM rebuild_runs WHERE " + UNFINISHED, UUID.class).stream()
                .map(RebuildRuns::schemaOf).toList();
        jdbc.queryForList("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'rebuild\\_%'", String.class)
                .stream().filter(schema -> !owned.contains(schema))
                .forEach(schema -> jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
}
