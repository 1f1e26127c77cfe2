package io.guestlist.command.importrun.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the delimiter among {@code , ; TAB |} (SPEC §4.1) from the first lines of a file: for each
 * candidate, how many times it occurs outside quotes on each line; the winner is the candidate whose
 * most common non-zero count holds on the largest share of lines, then the one splitting into more
 * columns. Files with none of them are single-column and read with a comma. Excel's {@code sep=}
 * first line, when present, decides.
 */
final class DelimiterDetector {

    static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');
    private static final int LINES_TO_READ = 20;
    private static final Pattern SEPARATOR_LINE = Pattern.compile("\"?sep=([,;\t|])\"?\r?\n", Pattern.CASE_INSENSITIVE);

    private DelimiterDetector() {
    }

    static char detect(String sample) {
        Optional<Character> declared = excelSeparatorLine(sample);
        if (declared.isPresent()) {
            return declared.get();
        }
        List<String> lines = logicalLines(sample);
        char best = ',';
        double bestConsistency = 0;
        int bestColumns = 0;
        for (char candidate : CANDIDATES) {
            List<Integer> counts = lines.stream().map(line -> countOutsideQuotes(line, candidate)).toList();
            int typical = mostCommonNonZero(counts);
            if (typical == 0) {
                continue;
            }
            double consistency = counts.stream().filter(c -> c == typical).count() / (double) counts.size();
            if (consistency > bestConsistency || (consistency == bestConsistency && typical > bestColumns)) {
                best = candidate;
                bestConsistency = consistency;
                bestColumns = typical;
            }
        }
        return best;
    }

    /**
     * Excel's own hint, a first line {@code sep=;}, which it writes (and reads) in locales whose
     * list separator is not a comma. The line is not the header; {@link CsvRowReader} skips it.
     */
    static Optional<Character> excelSeparatorLine(String sample) {
        Matcher matcher = SEPARATOR_LINE.matcher(sample);
        return matcher.lookingAt() ? Optional.of(matcher.group(1).charAt(0)) : Optional.empty();
    }

    /** Lines split at line breaks outside quotes, blank ones dropped; a quoted field may span lines. */
    private static List<String> logicalLines(String sample) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sample.length() && lines.size() < LINES_TO_READ; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                addIfNotBlank(lines, line);
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        if (lines.size() < LINES_TO_READ) {
            addIfNotBlank(lines, line);
        }
        return lines;
    }

    private static void addIfNotBlank(List<String> lines, StringBuilder line) {
        if (!line.toString().isBlank()) {
            lines.add(line.toString());
        }
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static int mostCommonNonZero(List<Integer> counts) {
        Map<Integer, Integer> frequency = new HashMap<>();
        counts.stream().filter(c -> c > 0).forEach(c -> frequency.merge(c, 1, Integer::sum));
        return frequency.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(0);
    }
}
