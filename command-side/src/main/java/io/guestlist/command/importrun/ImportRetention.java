package io.guestlist.command.importrun;

import io.guestlist.command.web.CommandSender;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GUESTLIST_IMPORT_RAW_RETENTION_DAYS} (off when 0, the default): every hour, purges the runs
 * finished that many days after their submission and not purged yet. Safe on several instances: a
 * purged run's key is a tombstone, which the next look leaves out, and the aggregate purges once
 * (a second purge racing it loses on the aggregate's sequence, or finds it purged).
 */
@Component
public class ImportRetention implements DisposableBean {

    static final String ACTOR = "system:import-retention";
    private static final Logger LOG = LoggerFactory.getLogger(ImportRetention.class);

    private final JdbcClient jdbc;
    private final CommandSender commands;
    private final int days;
    private ScheduledExecutorService schedule;

    ImportRetention(JdbcClient jdbc, CommandSender commands, @Value("${guestlist.imports.raw-retention-days:0}") int days) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (days <= 0) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "import-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::purgeExpiredQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /**
     * Purges every expired run not purged yet; the number purged. What the hourly schedule calls, public so
     * that a test can run a pass instead of waiting for the hour.
     */
    public int purgeExpired() {
        List<UUID> expired = jdbc.sql("""
                        SELECT run_id FROM cmd_import_payload p
                         WHERE finished AND created_at < now() - ? * interval '1 day'
                           AND NOT EXISTS (SELECT 1 FROM personal_data_key k WHERE k.subject_id = p.run_id::text AND k.secret IS NULL)
                         ORDER BY created_at LIMIT 1000""")
                .param(days).query(UUID.class).list();
        int purged = 0;
        for (UUID run : expired) {
            try {
                commands.send(new PurgeExpiredImportRunCommand(ImportRunId.of(run)),
                        MetaData.with(Attribution.MEMBER_ID, ACTOR).and(Attribution.CORRELATION_ID, UUID.randomUUID().toString()));
                purged++;
            } catch (RuntimeException e) {
                LOG.warn("Could not purge import run {} (another instance may have): {}", run, e.toString());
            }
        }
        return purged;
    }

    private void purgeExpiredQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.info("Purged the personal data of {} import runs older than {} days", purged, days);
            }
        } catch (RuntimeException e) {
            LOG.warn("Import retention could not run: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
