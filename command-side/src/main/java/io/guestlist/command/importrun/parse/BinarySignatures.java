package io.guestlist.command.importrun.parse;

import java.util.List;

/**
 * The opening bytes of the binary files hosts most often upload by mistake, so the refusal can say what
 * was sent (an Excel workbook is a ZIP or an OLE2 file) instead of failing on garbage further down.
 */
final class BinarySignatures {

    private record Signature(String what, int... magic) {
    }

    private static final List<Signature> KNOWN = List.of(
            new Signature("a ZIP archive (an .xlsx workbook? save it as CSV)", 0x50, 0x4B, 0x03, 0x04),
            new Signature("an empty ZIP archive", 0x50, 0x4B, 0x05, 0x06),
            new Signature("an old Excel/Office file (.xls; save it as CSV)", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
            new Signature("a PDF document", 0x25, 0x50, 0x44, 0x46, 0x2D),
            new Signature("a gzip archive", 0x1F, 0x8B),
            new Signature("a PNG image", 0x89, 0x50, 0x4E, 0x47),
            new Signature("a JPEG image", 0xFF, 0xD8, 0xFF),
            new Signature("a GIF image", 0x47, 0x49, 0x46, 0x38));

    private BinarySignatures() {
    }

    static void rejectKnownBinary(byte[] bytes) {
        for (Signature signature : KNOWN) {
            if (startsWith(bytes, signature.magic())) {
                throw ImportErrors.unreadable("it is " + signature.what() + ", not a text file.");
            }
        }
    }

    static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
