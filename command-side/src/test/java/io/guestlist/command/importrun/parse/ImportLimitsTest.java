package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Channel;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each limit of SPEC §4.4 is a clear 4xx, and a binary or empty payload is refused before any row. */
class ImportLimitsTest {

    @ParameterizedTest
    @EnumSource(Channel.class)
    void emptyPayload_isRefused(Channel channel) {
        assertRefused(() -> RowReaders.open(channel, new byte[0], null, null, Rows.REGION), ErrorCode.VALIDATION, "empty");
        assertRefused(() -> RowReaders.open(channel, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}, null,
                null, Rows.REGION), ErrorCode.VALIDATION, "empty");
    }

    @Test
    void csvWithOnlyBlankLines_isEmpty() {
        assertRefused(() -> Rows.csv("\n\n,,\n"), ErrorCode.VALIDATION, "empty");
    }

    @Test
    void zipWorkbook_isRefusedAndNamed() {
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};

        assertRefused(() -> RowReaders.open(Channel.CSV, xlsx, null, null, Rows.REGION), ErrorCode.UNREADABLE_FILE, "ZIP");
    }

    @Test
    void pdf_isRefusedAndNamed() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(() -> RowReaders.open(Channel.CONTACTS, pdf, "text/vcard", null, Rows.REGION),
                ErrorCode.UNREADABLE_FILE, "PDF");
    }

    @Test
    void nulBytes_areBinary_evenAfterManyGoodLines() {
        byte[] good = "name,phone\nAsha,9812345678\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[good.length + 3];
        System.arraycopy(good, 0, payload, 0, good.length);
        payload[good.length] = 'x';

        assertRefused(() -> RowReaders.open(Channel.CSV, payload, "text/csv", null, Rows.REGION),
                ErrorCode.UNREADABLE_FILE, "NUL");
    }

    @Test
    void controlCharacterNoise_isBinary() {
        byte[] noise = IntStream.range(0, 4096).map(i -> (i * 7 + 1) % 32).filter(b -> b != 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> RowReaders.open(Channel.CSV, noise, null, null, Rows.REGION),
                ErrorCode.UNREADABLE_FILE, "binary");
    }

    @Test
    void fieldOverOneThousandCharacters_namesRowAndColumn() {
        String csv = "name,notes\nAsha,short\nRavi," + "x".repeat(ImportLimits.MAX_FIELD + 1) + "\n";

        try (RowReader reader = RowReaders.open(Channel.CSV, csv.getBytes(StandardCharsets.UTF_8), "text/csv", null,
                Rows.REGION)) {
            assertThat(reader.next().name()).isEqualTo("Asha");
            assertRefused(reader::next, ErrorCode.VALIDATION, "Row 2, column \"notes\" has 1001 characters");
        }
    }

    @Test
    void fieldOfExactlyOneThousandCharacters_isAccepted() {
        assertThat(Rows.csv("name\n" + "x".repeat(ImportLimits.MAX_FIELD) + "\n")).hasSize(1);
    }

    @Test
    void moreThanTwoHundredThousandRows_isRefusedAtTheFirstRowTooMany() {
        try (RowReader reader = RowReaders.open(Channel.CSV, generatedCsv(ImportLimits.MAX_ROWS + 1), "text/csv", null,
                Rows.REGION)) {
            for (int read = 0; read < ImportLimits.MAX_ROWS; read++) {
                reader.next();
            }

            assertThat(reader.hasNext()).isTrue();
            assertRefused(reader::next, ErrorCode.PAYLOAD_TOO_LARGE, "200000 rows");
        }
    }

    @Test
    void exactlyTwoHundredThousandRows_areRead() {
        int read = 0;
        try (RowReader reader = RowReaders.open(Channel.CSV, generatedCsv(ImportLimits.MAX_ROWS), "text/csv", null,
                Rows.REGION)) {
            for (; reader.hasNext(); read++) {
                reader.next();
            }
        }

        assertThat(read).isEqualTo(ImportLimits.MAX_ROWS);
    }

    @Test
    void payloadOverFiftyMegabytes_isA413() {
        byte[] block = "Asha,9812345678\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
        InputStream huge = new SequenceInputStream(new Enumeration<>() {
            private long sent;

            @Override
            public boolean hasMoreElements() {
                return sent <= ImportLimits.MAX_BYTES;
            }

            @Override
            public InputStream nextElement() {
                sent += block.length;
                return new ByteArrayInputStream(block);
            }
        });

        assertRefused(() -> RowReaders.open(Channel.CSV, huge, "text/csv", null, Rows.REGION),
                ErrorCode.PAYLOAD_TOO_LARGE, "50 MB");
    }

    @Test
    void spreadsheetWorkbookContentType_isUnsupported() {
        assertRefused(() -> RowReaders.open(Channel.CSV, "a,b\n".getBytes(StandardCharsets.UTF_8),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null, Rows.REGION),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, "text/csv");
    }

    /** A CSV of {@code rows} data rows, built line by line into one buffer: no file is committed. */
    private static InputStream generatedCsv(int rows) {
        Iterator<InputStream> lines = IntStream.rangeClosed(0, rows)
                .mapToObj(i -> i == 0 ? "name,phone\n" : "Guest " + i + "," + (9_000_000_000L + i) + "\n")
                .map(line -> (InputStream) new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)))
                .iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return lines.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return lines.next();
            }
        });
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
