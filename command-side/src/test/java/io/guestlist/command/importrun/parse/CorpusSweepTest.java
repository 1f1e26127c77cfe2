package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV-like and vCard file of the external corpora goes through the reader: it yields rows or is
 * refused with a 4xx, never anything else (no parser exception, no 500).
 */
class CorpusSweepTest {

    private static final Set<String> DOCUMENTATION = Set.of("SOURCE.txt", "README.txt", "LICENSE.txt");

    static Stream<Arguments> textFiles() {
        return files(name -> name.endsWith(".csv") || name.endsWith(".tsv")
                || (name.endsWith(".txt") && !DOCUMENTATION.contains(name)), Channel.CSV);
    }

    static Stream<Arguments> vCardFiles() {
        return files(name -> name.endsWith(".vcf") || name.endsWith(".vcard"), Channel.CONTACTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFiles")
    void everyCsvFile_yieldsRowsOrAClientError(String name, Path file, Channel channel) {
        assertRowsOrClientError(file, channel);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vCardFiles")
    void everyVCardFile_yieldsRowsOrAClientError(String name, Path file, Channel channel) {
        assertThat(assertRowsOrClientError(file, channel)).as("a vCard file has contacts").isNotEmpty();
    }

    private static List<RawRow> assertRowsOrClientError(Path file, Channel channel) {
        try {
            List<RawRow> rows = Rows.file(channel, file);
            assertThat(rows).allSatisfy(row -> assertThat(row.raw()).isNotEmpty());
            return rows;
        } catch (GuestlistException refused) {
            assertThat(refused.code().status()).as(refused.getMessage()).isBetween(400, 499);
            return List.of();
        }
    }

    private static Stream<Arguments> files(Predicate<String> fileNameFilter, Channel channel) {
        List<Path> files = Corpora.files(path -> fileNameFilter.test(path.substring(path.lastIndexOf('/') + 1)));
        assertThat(files).as("corpus files found").isNotEmpty();
        return files.stream().map(file -> Arguments.of(Corpora.relative(file), file, channel));
    }
}
