package io.guestlist.service.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, on a port of its own, that the test may stop and start at will
 * (the shared one on 5432 is never touched). Made with Debian's postgresql-common tools, trusted on
 * loopback, dropped by {@link #close}. Where the machine cannot host one (not root, tools missing), the
 * test is skipped with the reason.
 */
public final class FaultCluster implements AutoCloseable {

    private static final Path CONFIG = Path.of("/etc/postgresql");

    private final String version;
    private final String name;
    private final int port;

    private FaultCluster(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Creates and starts the cluster {@code name} on {@code port}, or skips the calling test. */
    public static FaultCluster create(String name, int port) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a PostgreSQL cluster of the test's own needs root (pg_createcluster); running as " + System.getProperty("user.name"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_createcluster")) && Files.isDirectory(CONFIG),
                "no postgresql-common tools (pg_createcluster) on this machine");
        String version;
        try (Stream<Path> versions = Files.list(CONFIG)) {
            version = versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+")).sorted().reduce((x, y) -> y).orElse(null);
        } catch (IOException e) {
            version = null;
        }
        Assumptions.assumeTrue(version != null, "no PostgreSQL version under " + CONFIG);
        FaultCluster cluster = new FaultCluster(version, name, port);
        if (Files.isDirectory(CONFIG.resolve(version).resolve(name))) {
            cluster.run("pg_dropcluster", "--stop", version, name); // left over by an aborted run
        }
        Assumptions.assumeTrue(cluster.tryRun("pg_createcluster", version, name, "--port", Integer.toString(port)),
                "pg_createcluster " + version + " " + name + " --port " + port + " failed (port taken?)");
        try {
            Files.writeString(CONFIG.resolve(version).resolve(name).resolve("pg_hba.conf"), """
                    local all all trust
                    host all all 127.0.0.1/32 trust
                    host all all ::1/128 trust
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            cluster.close();
            throw new IllegalStateException(e);
        }
        cluster.start();
        return cluster;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server; returns once it accepts connections. */
    public void start() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
    }

    /** Stops the server at once, as a database restart does: sessions are ended, new connections refused. */
    public void stop() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
    }

    @Override
    public void close() {
        tryRun("pg_dropcluster", "--stop", version, name);
    }

    private void run(String... command) {
        String failure = output(command);
        if (failure != null) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + failure);
        }
    }

    private boolean tryRun(String... command) {
        return output(command) == null;
    }

    /** Runs the command; null when it succeeded, else what it printed. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no end within 60 s";
            }
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + printed;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
