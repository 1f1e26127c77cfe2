package io.guestlist.service.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the service's database on first start, so one command runs the service on a fresh machine.
 * It runs once the configuration is read and before any bean (registered in spring.factories), however
 * the service is launched. Instances starting together may all try: the one that loses the race finds
 * the database made and goes on (Flyway then lets one of them migrate, under its advisory lock).
 */
public final class DatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/guestlist";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");
    private static final String UNKNOWN_DATABASE = "3D000";
    /** duplicate_database, and the unique index of pg_database when two CREATE DATABASE race. */
    private static final Set<String> MADE_BY_ANOTHER = Set.of("42P04", "23505");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        createIfMissing(env.getProperty("spring.datasource.url", DEFAULT_URL), env.getProperty("spring.datasource.username", "postgres"),
                env.getProperty("spring.datasource.password", ""));
    }

    /** After the configuration has been read, which the environment listeners before this one do. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static void createIfMissing(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return; // not a PostgreSQL database this service knows how to make: the pool reports what is wrong
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!UNKNOWN_DATABASE.equals(e.getSQLState())) {
                return; // let the service start and report the real problem through its health check
            }
        }
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + m.group(2));
        } catch (SQLException e) {
            if (!MADE_BY_ANOTHER.contains(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + m.group(2) + ": " + e.getMessage(), e);
            }
        }
    }
}
