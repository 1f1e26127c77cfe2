package io.guestlist.command.importrun.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides, before a single row is handed out, whether a payload is text at all and in which charset
 * (SPEC §4.1): a BOM names UTF-8, UTF-16 or UTF-32; without one, bytes that are valid UTF-8 are UTF-8 and
 * anything else is Windows-1252, the charset of spreadsheets saved on Windows. Empty, oversized and
 * binary payloads are refused here, so a run never half-applies a file that was never readable.
 */
final class PayloadSniffer {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int MANY_CONTROLS = 8;

    private PayloadSniffer() {
    }

    static byte[] readAll(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(ImportLimits.MAX_BYTES + 1);
            if (bytes.length > ImportLimits.MAX_BYTES) {
                throw ImportErrors.tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded payload", e);
        }
    }

    static PayloadText sniff(byte[] bytes) {
        if (bytes.length > ImportLimits.MAX_BYTES) {
            throw ImportErrors.tooLarge();
        }
        BinarySignatures.rejectKnownBinary(bytes);
        PayloadText text = withBom(bytes);
        if (text == null) {
            rejectNulBytes(bytes);
            text = new PayloadText(bytes, 0, isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        } else if (!decodesCleanly(text)) {
            throw ImportErrors.unreadable("it starts with a " + text.charset() + " byte-order mark but is not "
                    + text.charset() + " text.");
        }
        String sample = text.prefix(SNIFF_BYTES);
        if (sample.isBlank()) {
            throw ImportErrors.empty();
        }
        rejectControlCharacters(sample);
        return text;
    }

    private static PayloadText withBom(byte[] b) {
        if (BinarySignatures.startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new PayloadText(b, 4, UTF_32BE);
        }
        if (BinarySignatures.startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new PayloadText(b, 4, UTF_32LE);
        }
        if (BinarySignatures.startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new PayloadText(b, 3, StandardCharsets.UTF_8);
        }
        if (BinarySignatures.startsWith(b, 0xFE, 0xFF)) {
            return new PayloadText(b, 2, StandardCharsets.UTF_16BE);
        }
        if (BinarySignatures.startsWith(b, 0xFF, 0xFE)) {
            return new PayloadText(b, 2, StandardCharsets.UTF_16LE);
        }
        return null;
    }

    private static boolean isUtf8(byte[] bytes) {
        return decodesCleanly(new PayloadText(bytes, 0, StandardCharsets.UTF_8));
    }

    /** Validates the whole text in small chunks, so a 50 MB file is never decoded into one buffer. */
    private static boolean decodesCleanly(PayloadText text) {
        CharsetDecoder decoder = text.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(text.bytes(), text.start(), text.bytes().length - text.start());
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
    }

    private static void rejectNulBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw ImportErrors.unreadable("it contains NUL bytes, so it is a binary file, not text.");
            }
        }
    }

    /**
     * Text files hold tabs and line breaks, and now and then a stray control character (a backspace
     * exported by a database); a sample with a NUL, or with many control characters, is binary.
     */
    private static void rejectControlCharacters(String sample) {
        long controls = sample.chars()
                .filter(c -> c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B))
                .count();
        if (sample.indexOf('\0') >= 0 || (controls >= MANY_CONTROLS && controls * 100 > sample.length())) {
            throw ImportErrors.unreadable("it contains control characters, so it is a binary file, not text.");
        }
    }
}
