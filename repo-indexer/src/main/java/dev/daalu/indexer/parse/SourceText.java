package dev.daalu.indexer.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's text as tree-sitter sees it: UTF-8 bytes, with the byte offset of every line start so a node's
 * byte range maps to 1-based lines without asking the native side (lines count right for any non-ASCII text).
 *
 * <p>Immutable.
 */
final class SourceText {

    private static final int MAX_SIGNATURE_CHARS = 200;

    private final byte[] bytes;
    private final int[] lineStarts;

    private SourceText(byte[] bytes, int[] lineStarts) {
        this.bytes = bytes;
        this.lineStarts = lineStarts;
    }

    /** Encodes {@code text} as UTF-8, dropping a leading byte order mark the decoder may have left. */
    static SourceText of(String text) {
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of UTF-8 {@code bytes}, which the caller hands over and must not change. */
    static SourceText of(byte[] bytes) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new SourceText(bytes, Arrays.copyOf(starts, count));
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return bytes.length;
    }

    /** The 1-based line holding byte {@code offset}. */
    int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** The text of bytes {@code [start, end)}; offsets outside the text are clamped. */
    String text(int start, int end) {
        int from = Math.clamp(start, 0, bytes.length);
        int to = Math.clamp(end, from, bytes.length);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The text from byte {@code offset} to the end of its line, without the line break. */
    String restOfLine(int offset) {
        int line = lineOf(offset);
        return text(offset, line < lineStarts.length ? lineStarts[line] - 1 : bytes.length);
    }

    /** Line {@code line} (1-based) without its line break, trimmed and capped for display. */
    String signature(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : bytes.length;
        String text = text(start, end).strip();
        return text.length() <= MAX_SIGNATURE_CHARS ? text : text.substring(0, MAX_SIGNATURE_CHARS - 1) + "…";
    }
}
