package dev.daalu.server.workspace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects a stream's bytes keeping at most {@code headBytes} from the start and {@code tailBytes} from the
 * end, so a command that prints gigabytes costs bounded memory and the model still sees how it began and how
 * it ended. Thread-safe (two pumps write into one).
 */
final class CappedOutput {

    private final int headBytes;
    private final byte[] tail;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private long total;
    private int tailStart;
    private int tailLength;

    CappedOutput(int headBytes, int tailBytes) {
        this.headBytes = headBytes;
        this.tail = new byte[tailBytes];
    }

    synchronized void write(byte[] buffer, int offset, int length) {
        total += length;
        int toHead = Math.min(length, headBytes - head.size());
        if (toHead > 0) {
            head.write(buffer, offset, toHead);
        }
        for (int i = offset + Math.max(toHead, 0); i < offset + length; i++) {
            appendTail(buffer[i]);
        }
    }

    private void appendTail(byte b) {
        if (tail.length == 0) {
            return;
        }
        int index = (tailStart + tailLength) % tail.length;
        tail[index] = b;
        if (tailLength < tail.length) {
            tailLength++;
        } else {
            tailStart = (tailStart + 1) % tail.length;
        }
    }

    synchronized long bytesCut() {
        return total - head.size() - tailLength;
    }

    /** The kept text, with a marker where bytes were cut. */
    synchronized String text() {
        StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        long cut = bytesCut();
        if (cut > 0) {
            text.append("\n[... ").append(cut).append(" bytes of output cut ...]\n");
        }
        byte[] kept = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            kept[i] = tail[(tailStart + i) % tail.length];
        }
        text.append(new String(kept, StandardCharsets.UTF_8));
        return text.toString();
    }
}
