package io.guestlist.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A fresh PostgreSQL database per test class, on the server named by {@code GUESTLIST_TEST_DB_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}), user {@code GUESTLIST_DB_USER} (default
 * {@code postgres}) and {@code GUESTLIST_DB_PASSWORD}. It is dropped and made anew, so a run never
 * sees an earlier run's rows. {@code GUESTLIST_TEST_DB_PREFIX} (default {@code gl_test_}) keeps two
 * checkouts testing on one server out of each other's databases.
 */
public final class TestDatabase {

    private static final String SERVER = env("GUESTLIST_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PREFIX = env("GUESTLIST_TEST_DB_PREFIX", "gl_test_").replaceAll("[^a-z0-9_]", "");
    public static final String USER = env("GUESTLIST_DB_USER", "postgres");
    public static final String PASSWORD = env("GUESTLIST_DB_PASSWORD", "");

    private TestDatabase() {
    }

    /** Creates an empty database named after the test class; returns its JDBC URL. */
    public static String create(Class<?> testClass) {
        String name = PREFIX + testClass.getSimpleName().toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + SERVER, e);
        }
        return SERVER + name;
    }

    /** The URL of a database named after the test class that does not exist (dropped if it did). */
    public static String missing(Class<?> testClass) {
        String name = PREFIX + testClass.getSimpleName().toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + " on " + SERVER, e);
        }
        return SERVER + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
