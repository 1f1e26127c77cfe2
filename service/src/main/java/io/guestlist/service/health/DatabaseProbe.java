package io.guestlist.service.health;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the database every second whether it answers, through the pool (whose connection timeout is
 * short), and keeps the answer. Health reads the kept answer, so it turns DOWN within about 3 s of an
 * outage and UP within about a second of the return without itself waiting on the pool; the health
 * components that need the database skip their queries while it is away.
 */
@Component
public class DatabaseProbe {

    static final long EVERY_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /** What the last probe found; the database answered when the service started. */
    public record Finding(boolean reachable, Instant since, String error) {
    }

    private final JdbcClient jdbc;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Finding finding = new Finding(true, Instant.now(), null);

    DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startProbing() {
        timer.scheduleWithFixedDelay(this::probe, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    public Finding finding() {
        return finding;
    }

    public boolean reachable() {
        return finding.reachable();
    }

    private void probe() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            if (!finding.reachable()) {
                log.info("The database answers again");
                finding = new Finding(true, Instant.now(), null);
            }
        } catch (RuntimeException e) {
            if (finding.reachable()) {
                log.warn("The database does not answer: {}", e.toString());
                finding = new Finding(false, Instant.now(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
