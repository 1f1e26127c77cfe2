package io.guestlist.service.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpora: found by walking up from the working directory to a folder holding {@code shared/corpora}. */
final class Corpora {

    private Corpora() {
    }

    static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path corpora = dir.resolve("shared").resolve("corpora");
            if (Files.isDirectory(corpora)) {
                return corpora;
            }
        }
        throw new IllegalStateException("No shared/corpora above " + start + ": the import corpus tests need it");
    }
}
