package io.guestlist.command.importrun;

import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.command.failure.DatabaseFailures;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Processes runs in the background, streaming their rows in batches of about {@value #BATCH}
 * (a household is never split at a batch boundary unless it is huge). A run is worked on only by the
 * instance holding its lease ({@link ImportLeases}): every {@value #SCAN_SECONDS} s this instance renews
 * the leases of its runs and takes up the unfinished runs nobody holds (new, released, or whose holder
 * died), each from the row after the last one recorded. A run interrupted by the database's passing
 * trouble waits and goes on by itself; one that meets any other error fails.
 */
@Component
class ImportWorker {

    static final int BATCH = 500;
    static final int SCAN_SECONDS = 5;
    private static final int MAX_BATCH = 2 * BATCH;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportPayloads payloads;
    private final PayloadReader reader;
    private final GuestDirectory directory;
    private final CommandGateway commands;
    private final ImportLeases leases;
    private final Cache aggregateCache;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, daemon("import-worker"));
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(daemon("import-lease-scan"));
    /** The runs this instance works on, each with whether it still holds the lease. */
    private final Map<ImportRunId, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ImportWorker(ImportPayloads payloads, PayloadReader reader, GuestDirectory directory, CommandGateway commands,
                 ImportLeases leases, @Qualifier("aggregateCache") Cache aggregateCache) {
        this.payloads = payloads;
        this.reader = reader;
        this.directory = directory;
        this.commands = commands;
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
                process(run, held);
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
                        failQuietly(run);
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

    private void process(ImportRunId runId, AtomicBoolean held) {
        ImportPayloads.Payload payload = payloads.load(runId).orElse(null);
        if (payload == null) {
            return;
        }
        String owner = leases.owner();
        MetaData attribution = attribution(runId, payload.createdBy());
        send(new StartImportProcessingCommand(runId), attribution);
        String region = directory.workspace(payload.workspaceId()).orElseThrow().defaultRegion();
        long started = System.nanoTime();
        long lastLog = started;
        int processed = 0;
        try (RowReader rows = reader.read(payload.channel(), payload.bytes(), payload.contentType(), payload.mapping(), region)) {
            List<RawRow> batch = new ArrayList<>(MAX_BATCH);
            while (rows.hasNext()) {
                if (!held.get()) {
                    throw new ImportLeaseLostException(runId);
                }
                RawRow row = rows.next();
                if (row.rowNumber() < payload.nextRow()) {
                    continue;
                }
                if (batch.size() >= MAX_BATCH || (batch.size() >= BATCH && !sameHousehold(batch.get(batch.size() - 1), row))) {
                    send(new ImportBatchCommand(runId, owner, batch), attribution);
                    processed += batch.size();
                    batch = new ArrayList<>(MAX_BATCH);
                    if (System.nanoTime() - lastLog > PROGRESS_EVERY_NANOS) {
                        lastLog = System.nanoTime();
                        log.info("Import run {}: {} rows processed ({} rows/s)", runId, processed, rate(processed, started));
                    }
                }
                batch.add(row);
            }
            if (!batch.isEmpty()) {
                send(new ImportBatchCommand(runId, owner, batch), attribution);
                processed += batch.size();
            }
        } catch (GuestlistException e) {
            send(new FailImportCommand(runId, e.getMessage()), attribution);
            log.warn("Import run {} failed: {}", runId, e.getMessage());
            return;
        }
        send(new CompleteImportCommand(runId), attribution);
        log.info("Import run {} completed: {} rows processed in this pass ({} rows/s)", runId, processed, rate(processed, started));
    }

    private static MetaData attribution(ImportRunId run, String createdBy) {
        return MetaData.with(Attribution.MEMBER_ID, createdBy).and(Attribution.CORRELATION_ID, run.toString());
    }

    private static boolean sameHousehold(RawRow previous, RawRow next) {
        return ImportRows.hasText(next.household()) && ImportRows.hasText(previous.household())
                && Objects.equals(ImportRows.householdKey(previous.household()), ImportRows.householdKey(next.household()));
    }

    private static long rate(int rows, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return rows * TimeUnit.SECONDS.toNanos(1) / nanos;
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

    private void failQuietly(ImportRunId run) {
        try {
            String createdBy = payloads.load(run).map(ImportPayloads.Payload::createdBy).orElse(null);
            send(new FailImportCommand(run, "The run was stopped by an unexpected error."), attribution(run, createdBy));
        } catch (RuntimeException e) {
            log.warn("Import run {}: could not record its failure: {}", run, e.toString());
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

    private void send(Object command, MetaData attribution) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(attribution));
    }
}
