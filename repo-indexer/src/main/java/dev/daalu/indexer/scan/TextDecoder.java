package dev.daalu.indexer.scan;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text the way {@code rg} reads them: a UTF-16 byte-order mark (LE or BE) selects
 * UTF-16, a UTF-8 one is stripped, anything else is UTF-8. Bytes that are not valid in the encoding become
 * U+FFFD; decoding never fails, so one odd file never stops a pass.
 *
 * <p>Decoding goes through {@link String#String(byte[], int, int, Charset)}, which is the JDK's
 * {@code CharsetDecoder} with {@code CodingErrorAction.REPLACE} plus a fast path for ASCII (most source
 * files), so a large tree decodes at memory speed.
 */
public final class TextDecoder {

    /** The encodings a file's first bytes can select. */
    public enum Encoding {
        UTF_8(StandardCharsets.UTF_8, 0),
        UTF_8_BOM(StandardCharsets.UTF_8, 3),
        UTF_16LE(StandardCharsets.UTF_16LE, 2),
        UTF_16BE(StandardCharsets.UTF_16BE, 2);

        private final Charset charset;
        private final int bomLength;

        Encoding(Charset charset, int bomLength) {
            this.charset = charset;
            this.bomLength = bomLength;
        }

        public boolean isUtf16() {
            return this == UTF_16LE || this == UTF_16BE;
        }
    }

    private TextDecoder() {
    }

    /** The encoding the first bytes announce (by byte-order mark); UTF-8 when there is none. */
    public static Encoding sniff(byte[] bytes, int length) {
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return Encoding.UTF_8_BOM;
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return Encoding.UTF_16LE;
        }
        if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return Encoding.UTF_16BE;
        }
        return Encoding.UTF_8;
    }

    /** Decodes the first {@code length} bytes; the byte-order mark, if any, is not part of the text. */
    public static String decode(byte[] bytes, int length) {
        Encoding encoding = sniff(bytes, length);
        return new String(bytes, encoding.bomLength, length - encoding.bomLength, encoding.charset);
    }
}
