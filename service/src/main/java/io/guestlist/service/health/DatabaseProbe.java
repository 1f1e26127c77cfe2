package io.guestlist.service.health;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the database every second whether it answers, on a connection of its own outside the pool (with
 * short connect and socket timeouts), and keeps the answer. Health reads the kept answer, so it turns
 * DOWN within about a second of an outage and UP within about a second of the return without waiting
 * on the pool, and a pool merely busy does not count as the database down. The health components that
 * need the database skip their queries while it is away.
 */
@Component
public class DatabaseProbe {

    static final long EVERY_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /** What the last probe found; the database answered when the service started. */
    public record Finding(boolean reachable, Instant since, String error) {
    }

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Finding finding = new Finding(true, Instant.now(), null);
    /** Used by the probe's thread only. */
    private Connection connection;

    DatabaseProbe(Environment environment) {
        this.url = environment.getRequiredProperty("spring.datasource.url");
        connectionProperties.setProperty("user", environment.getProperty("spring.datasource.username", ""));
        connectionProperties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        // PostgreSQL driver settings, in seconds; other drivers ignore them.
        connectionProperties.setProperty("connectTimeout", "1");
        connectionProperties.setProperty("socketTimeout", "3");
        connectionProperties.setProperty("ApplicationName", "guestlist-database-probe");
    }

    @EventListener(ApplicationReadyEvent.class)
    void startProbing() {
        timer.scheduleWithFixedDelay(this::probe, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        closeConnection();
    }

    public Finding finding() {
        return finding;
    }

    public boolean reachable() {
        return finding.reachable();
    }

    private void probe() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, connectionProperties);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(2);
                statement.execute("SELECT 1");
            }
            if (!finding.reachable()) {
                log.info("The database answers again");
                finding = new Finding(true, Instant.now(), null);
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            if (finding.reachable()) {
                log.warn("The database does not answer: {}", e.toString());
                finding = new Finding(false, Instant.now(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            connection = null;
        }
    }
}
