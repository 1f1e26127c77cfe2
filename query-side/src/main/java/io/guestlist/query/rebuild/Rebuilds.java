package io.guestlist.query.rebuild;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.audit.StoredEvents;
import io.guestlist.query.support.ProcessorPositions;
import io.guestlist.query.support.ProjectionSet;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts rebuilds, one at a time across the instances, on a worker thread of their own, and keeps
 * their status in {@link RebuildRuns} (written at the start, every beat and at the end), so any
 * instance answers for it; this instance's own runs answer from memory. {@code projection} is a
 * processing group, {@code all}, or {@code none}: read and deserialise every event and project
 * nothing, the ceiling a rebuild's rate is measured against.
 */
@Component
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final List<ProjectionSet> sets;
    private final StoredEvents events;
    private final ReadYourWrites readYourWrites;
    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RebuildRuns runs;
    private final Map<UUID, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rebuild-beat");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(List<ProjectionSet> sets, StoredEvents events, ReadYourWrites readYourWrites,
             ProcessorPositions positions, EventProcessingConfiguration processing, DataSource dataSource, JdbcTemplate jdbc,
             RebuildRuns runs) {
        this.sets = sets;
        this.events = events;
        this.readYourWrites = readYourWrites;
        this.positions = positions;
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.runs = runs;
    }

    synchronized RebuildStatus start(String projection, String mode) {
        List<ProjectionSet> chosen = switch (projection) {
            case "all" -> sets;
            case "none" -> List.of();
            default -> sets.stream().filter(s -> s.group().equals(projection)).toList();
        };
        if (chosen.isEmpty() && !projection.equals("none")) {
            throw GuestlistException.invalid("projection must be all, none or one of "
                    + sets.stream().map(ProjectionSet::group).distinct().sorted().toList() + ".");
        }
        if (!mode.equals("check") && !mode.equals("replace")) {
            throw GuestlistException.invalid("mode must be check or replace.");
        }
        if (mode.equals("replace") && !Projections.STREAMING.contains(projection)) {
            throw GuestlistException.invalid("replace takes one streaming processing group, one of " + Projections.STREAMING
                    + ": governance is projected in each command's own transaction, with no token to move with a swap.");
        }
        // This instance's runs answer from memory: a finished one may not have saved its end yet.
        if (rebuilds.values().stream().anyMatch(r -> !r.finished()) || runs.anyRunningBesides(rebuilds.keySet())) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, "A rebuild is running; wait for it to finish.");
        }
        Rebuild rebuild = new Rebuild(projection, mode, chosen.stream().map(ProjectionSet::group).distinct().sorted().toList());
        rebuilds.put(rebuild.id(), rebuild);
        runs.save(rebuild.status());
        RebuildRun run = new RebuildRun(rebuild, chosen, events, readYourWrites, positions, processing, dataSource, jdbc);
        worker.submit(() -> {
            try {
                run.run();
            } finally {
                runs.save(rebuild.status());
            }
        });
        return rebuild.status();
    }

    Optional<RebuildStatus> status(UUID id) {
        Rebuild own = rebuilds.get(id);
        return own != null ? Optional.of(own.status()) : runs.find(id);
    }

    /** Fails the runs that crashed instances left, at start and on every beat, and beats this instance's own. */
    @PostConstruct
    void recover() {
        runs.failAbandoned();
        long every = RebuildRuns.BEAT.toMillis();
        beat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            rebuilds.values().stream().filter(r -> !r.finished()).forEach(r -> runs.save(r.status()));
            runs.failAbandoned();
        } catch (RuntimeException e) {
            log.warn("Rebuild status beat failed; retrying in {}", RebuildRuns.BEAT, e);
        }
    }

    @PreDestroy
    void stop() {
        beat.shutdownNow();
        worker.shutdownNow();
    }
}
