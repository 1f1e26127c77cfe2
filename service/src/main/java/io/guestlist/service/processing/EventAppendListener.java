package io.guestlist.service.processing;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Listens, on a connection of its own (not from the pool: a pooled connection would be lent out
 * and LISTEN is per session), for the {@code guestlist_events} notification that the event table's
 * trigger sends when a transaction that appended events commits, and wakes this instance's
 * streaming processors. Between notifications it beats in the {@link InstanceRoster}. When the
 * connection fails (a database restart) it connects again with backoff, then wakes the processors
 * once: notifications sent meanwhile are lost, and the events may be waiting.
 */
final class EventAppendListener implements SmartLifecycle {

    static final String CHANNEL = "guestlist_events";
    private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How long one wait for notifications lasts: also how soon the thread notices a stop. */
    private static final int WAIT_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(EventAppendListener.class);

    private final String url;
    private final Properties connectionProperties;
    private final WakeableEventStore eventStore;
    private final InstanceRoster roster;
    private volatile boolean running;
    private Thread thread;

    EventAppendListener(String url, String user, String password, WakeableEventStore eventStore, InstanceRoster roster) {
        this.url = url;
        this.eventStore = eventStore;
        this.roster = roster;
        this.connectionProperties = new Properties();
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", "guestlist-listener " + roster.instanceId());
        // A silent network must not hold the thread for minutes: give up on a read after 10 s.
        connectionProperties.setProperty("connectTimeout", "5");
        connectionProperties.setProperty("socketTimeout", "10");
        connectionProperties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "event-append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = MIN_BACKOFF;
        boolean failing = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (failing) {
                    log.info("Listening for appended events again");
                }
                failing = false;
                backoff = MIN_BACKOFF;
                roster.beat(connection);
                eventStore.eventsAppended();
                serve(connection);
                roster.leave(connection);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Not listening for appended events (processors poll meanwhile): {}", e.getMessage());
                }
                failing = true;
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void serve(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long nextBeat = System.nanoTime() + InstanceRoster.BEAT.toNanos();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                eventStore.eventsAppended();
            }
            if (System.nanoTime() - nextBeat >= 0) {
                roster.beat(connection);
                nextBeat = System.nanoTime() + InstanceRoster.BEAT.toNanos();
            }
        }
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
