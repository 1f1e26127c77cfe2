package io.guestlist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared external test corpora ({@code shared/corpora}, beside the project), read in place, never
 * copied. Found by walking up from the working directory, so the tests run from the project root or a
 * module alike; a missing folder fails loudly rather than letting corpus tests pass on nothing.
 */
public final class Corpora {

    private static final Path RELATIVE = Path.of("shared", "corpora");

    private Corpora() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The test corpora folder shared/corpora was not found in any parent of the "
                + "working directory; the corpus tests need it (see shared/corpora/README.md).");
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Corpus file missing: " + relative);
        }
        return file;
    }

    /** Every file under the corpora whose path (relative, with '/') passes the filter, in a stable order. */
    public static List<Path> files(Predicate<String> relativePathFilter) {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> relativePathFilter.test(root.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }
}
