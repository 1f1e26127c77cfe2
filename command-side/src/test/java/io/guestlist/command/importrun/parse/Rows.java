package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.importrun.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test shorthand: every row of a small payload, read through the public factory. */
final class Rows {

    static final String REGION = "IN";

    private Rows() {
    }

    static List<RawRow> csv(String text) {
        return read(Channel.CSV, text.getBytes(StandardCharsets.UTF_8), "text/csv", null);
    }

    static List<RawRow> csv(String text, Charset charset) {
        return read(Channel.CSV, text.getBytes(charset), "text/csv", null);
    }

    static List<RawRow> csv(String text, ColumnMapping mapping) {
        return read(Channel.CSV, text.getBytes(StandardCharsets.UTF_8), "text/csv", mapping);
    }

    static List<RawRow> file(Channel channel, Path file) {
        try {
            return read(channel, Files.readAllBytes(file), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RawRow> read(Channel channel, byte[] payload, String contentType, ColumnMapping mapping) {
        List<RawRow> rows = new ArrayList<>();
        try (RowReader reader = RowReaders.open(channel, payload, contentType, mapping, REGION)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }
}
