package dev.daalu.server.model;

import okio.BufferedSource;

import java.io.IOException;
import java.net.ProtocolException;

/**
 * Reads {@code text/event-stream} events from a response body, one at a time, on the caller's thread.
 *
 * <p>Follows the SSE format: lines end in LF or CRLF; {@code data:} lines of one event are joined with
 * {@code \n}; one space after the colon is dropped; lines starting with {@code :} are comments; a blank
 * line ends an event. Besides {@code data}, it keeps the field {@code error:} that llama.cpp builds up to
 * September 2025 used for an error event, as an event of type {@code error} (plain SSE clients drop it).
 */
final class SseReader {

    /** Longer lines are refused rather than buffered: a chunk is a few hundred bytes. */
    static final long MAX_LINE_BYTES = 16L * 1024 * 1024;

    private final BufferedSource source;

    SseReader(BufferedSource source) {
        this.source = source;
    }

    /**
     * The next event, or null at the end of the stream.
     *
     * @throws OversizedLineException when a line is longer than {@link #MAX_LINE_BYTES}
     * @throws IOException when reading fails (a timeout, a reset, a cancelled call)
     */
    Event next() throws IOException {
        StringBuilder data = null;
        String type = "message";
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(type, data.toString(), true);
                }
                type = "message";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data", "error" -> {
                    if (field.equals("error")) {
                        type = "error";
                    }
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
                default -> {
                    // id, retry and unknown fields carry nothing a chat completion needs
                }
            }
        }
        return data == null ? null : new Event(type, data.toString(), false);
    }

    private String readLine() throws IOException {
        long newline = source.indexOf((byte) '\n', 0, MAX_LINE_BYTES);
        if (newline >= 0) {
            String line = source.readUtf8(newline);
            source.skip(1);
            return stripCarriageReturn(line);
        }
        if (source.request(MAX_LINE_BYTES)) {
            throw new OversizedLineException();
        }
        return source.exhausted() ? null : stripCarriageReturn(source.readUtf8());
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A line too long to be an event of a chat completion stream. */
    static final class OversizedLineException extends ProtocolException {
        private static final long serialVersionUID = 1L;

        OversizedLineException() {
            super("the server sent an event line longer than " + MAX_LINE_BYTES + " bytes");
        }
    }

    /**
     * One event.
     *
     * @param type {@code message} unless an {@code event:} or {@code error:} field said otherwise
     * @param data the joined data lines
     * @param terminated false when the stream ended inside the event (no blank line after it), which
     *     means it may be cut
     */
    record Event(String type, String data, boolean terminated) {
    }
}
