package io.guestlist.service.edge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.testing.Corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What every write route is sent: the big-list-of-naughty-strings corpus, then NUL and the other
 * control characters, unpaired surrogates, and values longer than any column.
 */
final class HostileValues {

    static final List<String> CONTROLS = List.of("\u0000", "Asha\u0000Sharma", "A\u0000B", "\u0001\u0002\u0003",
            "\u001b[31mred", "del\u007f", "next\u0085line", "C1\u009f", "line\nbreak", "carriage\rreturn", "tab\there",
            "lone \ud800 high", "lone \udfff low");

    static final List<String> OVERSIZED = List.of("x".repeat(101), "x".repeat(201), "x".repeat(256),
            "x".repeat(1001), "x".repeat(100_000));

    static final int ROUTES_PER_VALUE = 2;

    private HostileValues() {
    }

    static List<String> all() {
        List<String> values = new ArrayList<>(naughtyStrings());
        values.addAll(CONTROLS);
        values.addAll(OVERSIZED);
        return values;
    }

    static List<String> naughtyStrings() {
        try {
            return new ObjectMapper().readValue(Corpora.file("big-list-of-naughty-strings/blns.json").toFile(),
                    new TypeReference<List<String>>() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the route with this index (of {@code routes}) is sent: every control and oversized value, and
     * of the corpus every value when the system property {@code edge.corpus.full} is {@code true}, else
     * every value through {@value #ROUTES_PER_VALUE} routes in turn (each route gets a different share),
     * which keeps the test to a few minutes on a shared machine.
     */
    static List<String> forRoute(int route, int routes) {
        List<String> corpus = naughtyStrings();
        boolean full = Boolean.getBoolean("edge.corpus.full");
        List<String> values = new ArrayList<>(IntStream.range(0, corpus.size())
                .filter(i -> full || IntStream.range(0, ROUTES_PER_VALUE).anyMatch(k -> (i + k * routes / ROUTES_PER_VALUE) % routes == route))
                .mapToObj(corpus::get).toList());
        values.addAll(CONTROLS);
        values.addAll(OVERSIZED);
        return values;
    }

    /** Whether a single-line field must refuse the value. */
    static boolean hasControlCharacters(String value) {
        return !CleanText.isClean(value, false);
    }

    /** {@code count} distinct labels, for the count bounds. */
    static List<String> labels(int count) {
        return IntStream.range(0, count).mapToObj(i -> "label-" + i).toList();
    }
}
