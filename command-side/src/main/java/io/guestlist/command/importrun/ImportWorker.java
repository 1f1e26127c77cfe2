package io.guestlist.command.importrun;

import io.guestlist.command.failure.DatabaseFailures;
import io.guestlist.kernel.ids.ImportRunId;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works on import runs in the background, each in passes over its rows ({@link ImportPass}). A run
 * is worked on only by the instance holding its lease ({@link ImportLeases}): every
 * {@value #SCAN_SECONDS} s this instance renews the leases of its runs and takes up the unfinished runs
 * nobody holds (new, released, or whose holder died), each from the row after the last one recorded. A run interrupted by the database's passing
 * trouble waits and goes on by itself; one that meets any other error fails.
 */
@Component
class ImportWorker {

    static final int SCAN_SECONDS = 5;
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportPass pass;
    private final ImportLeases leases;
    private final Cache aggregateCache;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, daemon("import-worker"));
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(daemon("import-lease-scan"));
    /** The runs this instance works on, each with whether it still holds the lease. */
    private final Map<ImportRunId, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ImportWorker(ImportPass pass, ImportLeases leases, @Qualifier("aggregateCache") Cache aggregateCache) {
        this.pass = pass;
        this.leases = leases;
        this.aggregateCache = aggregateCache;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startScanning() {
        scanner.scheduleWithFixedDelay(this::scan, 0, SCAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Renews the leases held here, and takes up the runs nobody holds. */
    void scan() {
        try {
            leases.renewAll(running.keySet()).forEach(lost -> {
                AtomicBoolean held = running.get(lost);
                if (held != null && held.getAndSet(false)) {
                    log.warn("Import run {}: another instance has claimed it; this one stops working on it", lost);
                }
            });
            for (ImportRunId run : leases.claimable()) {
                if (!running.containsKey(run) && leases.claim(run)) {
                    // Another instance may have moved the run on since this one last cached it.
                    aggregateCache.remove(run.toString());
                    log.info("Import run {}: taken up by this instance", run);
                    submit(run);
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("Import lease scan failed; next try in {} s: {}", SCAN_SECONDS, e.toString());
            }
        }
    }

    /** Works on a run whose lease this instance holds (a new run, or one just claimed). */
    void submit(ImportRunId run) {
        AtomicBoolean held = new AtomicBoolean(true);
        if (!stopping && running.putIfAbsent(run, held) == null) {
            pool.submit(() -> {
                try {
                    drive(run, held);
                } finally {
                    running.remove(run);
                }
            });
        }
    }

    /** Releases the runs worked on here, so that another instance takes them up at once. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        List<ImportRunId> held = List.copyOf(running.keySet());
        scanner.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        for (ImportRunId run : held) {
            try {
                leases.release(run);
            } catch (RuntimeException e) {
                log.warn("Import run {}: lease not released ({}); another instance takes it when it runs out", run, e.toString());
            }
        }
    }

    private void drive(ImportRunId run, AtomicBoolean held) {
        Duration wait = FIRST_WAIT;
        while (!stopping && held.get()) {
            try {
                pass.run(run, held);
                leases.release(run);
                return;
            } catch (RuntimeException | Error e) {
                if (stopping) {
                    return;
                }
                if (leaseLost(e)) {
                    log.warn("Import run {}: another instance has claimed it; this one stops working on it", run);
                    return;
                }
                if (!DatabaseFailures.isTransient(e) && databaseAnswers(run, held)) {
                    if (held.get()) {
                        log.error("Import run {} stopped by an unexpected error; it fails", run, e);
                        pass.failQuietly(run);
                    }
                    return;
                }
                log.warn("Import run {} interrupted by the database ({}); going on in {} ms", run, e.toString(), wait.toMillis());
                if (!pause(wait)) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                // The lease may have run out meanwhile: go on only if no other instance took the run.
                if (!claimQuietly(run)) {
                    held.set(false);
                }
            }
        }
    }

    private static boolean leaseLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ImportLeaseLostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database answers now: an error a failing connection threw in a shape no one expects
     * (a driver's own assertion, say) is then the database's trouble after all, and the run waits.
     */
    private boolean databaseAnswers(ImportRunId run, AtomicBoolean held) {
        try {
            held.set(leases.claim(run));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean claimQuietly(ImportRunId run) {
        try {
            return leases.claim(run);
        } catch (RuntimeException stillDown) {
            return true; // the next batch finds out, and renews or loses the lease in its transaction
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
