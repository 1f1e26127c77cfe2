package io.guestlist.service.privacy;

import io.guestlist.testing.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain-text {@code pg_dump} of a whole database: the tool on the PATH, else the newest under
 * {@code /usr/lib/postgresql/<version>/bin} (Debian's layout, where it is often not on the PATH).
 */
final class PgDump {

    private PgDump() {
    }

    static String of(String jdbcUrl) throws IOException, InterruptedException {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1).split("\\?")[0];
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        Path out = Files.createTempFile("erasure", ".sql");
        try {
            ProcessBuilder dump = new ProcessBuilder(tool(), "-h", host, "-p", port, "-U", TestDatabase.USER, "--no-password", "-f",
                    out.toString(), database).redirectErrorStream(true);
            dump.environment().put("PGPASSWORD", TestDatabase.PASSWORD);
            Process process = dump.start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed: " + log);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tool() {
        Optional<String> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pg_dump")).filter(Files::isExecutable).map(Path::toString).findFirst();
        return onPath.orElseGet(PgDump::newestInstalled);
    }

    private static String newestInstalled() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            List<Path> found = versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable)
                    .sorted(Comparator.comparing((Path p) -> Integer.parseInt(p.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"))).reversed())
                    .toList();
            return found.stream().findFirst().orElseThrow(() -> new IllegalStateException("pg_dump is not installed")).toString();
        } catch (IOException e) {
            throw new IllegalStateException("pg_dump is neither on the PATH nor under /usr/lib/postgresql", e);
        }
    }
}
