package io.guestlist.command.importrun;

import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Processes runs in the background, streaming their rows in batches of about {@value #BATCH}
 * (a household is never split at a batch boundary unless it is huge). On start it resumes every
 * unfinished run from the row after the last one recorded.
 */
@Component
class ImportWorker {

    static final int BATCH = 500;
    private static final int MAX_BATCH = 2 * BATCH;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportPayloads payloads;
    private final PayloadReader reader;
    private final GuestDirectory directory;
    private final CommandGateway commands;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "import-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<ImportRunId> running = ConcurrentHashMap.newKeySet();

    ImportWorker(ImportPayloads payloads, PayloadReader reader, GuestDirectory directory, CommandGateway commands) {
        this.payloads = payloads;
        this.reader = reader;
        this.directory = directory;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        List<ImportRunId> unfinished = payloads.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Resuming {} unfinished import run(s)", unfinished.size());
        }
        unfinished.forEach(this::submit);
    }

    void submit(ImportRunId run) {
        if (running.add(run)) {
            pool.submit(() -> {
                try {
                    process(run);
                } catch (RuntimeException | Error e) {
                    log.error("Import run {} stopped; it resumes when the service restarts", run, e);
                } finally {
                    running.remove(run);
                }
            });
        }
    }

    private void process(ImportRunId runId) {
        ImportPayloads.Payload payload = payloads.load(runId).orElse(null);
        if (payload == null) {
            return;
        }
        MetaData attribution = MetaData.with(Attribution.MEMBER_ID, payload.createdBy())
                .and(Attribution.CORRELATION_ID, runId.toString());
        send(new StartImportProcessingCommand(runId), attribution);
        String region = directory.workspace(payload.workspaceId()).orElseThrow().defaultRegion();
        long started = System.nanoTime();
        long lastLog = started;
        int processed = 0;
        try (RowReader rows = reader.read(payload.channel(), payload.bytes(), payload.contentType(), payload.mapping(), region)) {
            List<RawRow> batch = new ArrayList<>(MAX_BATCH);
            while (rows.hasNext()) {
                RawRow row = rows.next();
                if (row.rowNumber() < payload.nextRow()) {
                    continue;
                }
                if (batch.size() >= MAX_BATCH || (batch.size() >= BATCH && !sameHousehold(batch.get(batch.size() - 1), row))) {
                    send(new ImportBatchCommand(runId, batch), attribution);
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
                send(new ImportBatchCommand(runId, batch), attribution);
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

    private static boolean sameHousehold(RawRow previous, RawRow next) {
        return ImportRows.hasText(next.household()) && ImportRows.hasText(previous.household())
                && Objects.equals(ImportRows.householdKey(previous.household()), ImportRows.householdKey(next.household()));
    }

    private static long rate(int rows, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return rows * TimeUnit.SECONDS.toNanos(1) / nanos;
    }

    private void send(Object command, MetaData attribution) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(attribution));
    }
}
