package io.guestlist.command.importrun.parse;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * A payload's bytes with the charset they were found to be in, and where the text starts (after a BOM).
 * The bytes are held (at most {@link ImportLimits#MAX_BYTES}); the text is only ever decoded as a stream.
 */
record PayloadText(byte[] bytes, int start, Charset charset) {

    Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), lenientDecoder());
    }

    /** The first characters of the text, for sniffing; a character cut at the end comes out replaced. */
    String prefix(int maxBytes) {
        int length = Math.min(maxBytes, bytes.length - start);
        try {
            return lenientDecoder().decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException impossibleWhenReplacing) {
            throw new IllegalStateException(impossibleWhenReplacing);
        }
    }

    private CharsetDecoder lenientDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
