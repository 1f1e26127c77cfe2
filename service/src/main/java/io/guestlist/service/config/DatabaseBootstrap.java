package io.guestlist.service.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the service's database on first start, so one command runs the service on a fresh machine. */
public final class DatabaseBootstrap {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/guestlist";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");
    private static final String UNKNOWN_DATABASE = "3D000";

    private DatabaseBootstrap() {
    }

    public static void createIfMissing(Map<String, String> env) {
        String url = env.getOrDefault("GUESTLIST_DB_URL", DEFAULT_URL);
        String user = env.getOrDefault("GUESTLIST_DB_USER", "postgres");
        String password = env.getOrDefault("GUESTLIST_DB_PASSWORD", "");
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!UNKNOWN_DATABASE.equals(e.getSQLState())) {
                return; // let the service start and report the real problem through its health check
            }
        }
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Database in " + url + " does not exist and the URL is not of a form this service can create");
        }
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + m.group(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + m.group(2) + ": " + e.getMessage(), e);
        }
    }
}
