package dev.daalu.server.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The byte level of {@link FrameReader}: buffered reads of header lines (capped), bodies of an exact length (grown
 * as bytes arrive, never allocated up front), and skipping to a marker. Not thread-safe: one reader thread owns it.
 */
final class FrameInput {

    private static final Logger LOG = Logger.getLogger(FrameInput.class.getName());
    private static final int FIRST_BODY_CHUNK = 64 * 1024;

    private final InputStream input;
    private final byte[] buffer = new byte[8192];
    private final byte[] line;
    private int position;
    private int filled;

    FrameInput(InputStream input, int maxLineBytes) {
        this.input = input;
        this.line = new byte[maxLineBytes];
    }

    /** Reads exactly {@code length} bytes; null when the input ends first. */
    byte[] readBody(int length) throws IOException {
        byte[] body = new byte[Math.min(length, FIRST_BODY_CHUNK)];
        int got = 0;
        while (got < length) {
            if (got == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, body.length * 2L));
            }
            if (position < filled) {
                int n = Math.min(filled - position, body.length - got);
                System.arraycopy(buffer, position, body, got, n);
                position += n;
                got += n;
            } else {
                int n = input.read(body, got, body.length - got);
                if (n < 0) {
                    return null;
                }
                got += n;
            }
        }
        return body;
    }

    /** One header line without its line end, as ISO-8859-1 text; null at the end of input. */
    String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = readByte();
            if (b < 0) {
                if (length > 0) {
                    LOG.fine("The input ended inside a header line");
                }
                return null;
            }
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (length == line.length) {
                throw new FramingException("a header line is longer than " + line.length + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    /** Consumes input up to and including {@code pattern} (ASCII, matched case-insensitively); -1 at the end. */
    long skipPast(byte[] pattern) throws IOException {
        long consumed = 0;
        int matched = 0;
        int b;
        while ((b = readByte()) >= 0) {
            consumed++;
            int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            if (lower == pattern[matched]) {
                if (++matched == pattern.length) {
                    return consumed - pattern.length;
                }
            } else {
                // the first letter does not recur in the pattern, so restarting here is exact
                matched = lower == pattern[0] ? 1 : 0;
            }
        }
        return -1;
    }

    private int readByte() throws IOException {
        while (position == filled) {
            int n = input.read(buffer, 0, buffer.length);
            if (n < 0) {
                return -1;
            }
            position = 0;
            filled = n;
        }
        return buffer[position++] & 0xff;
    }
}
