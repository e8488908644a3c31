package dev.daalu.indexer.rank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings kept as UTF-8 in 256 KiB chunks and addressed by a long (chunk, offset, length), so millions of
 * short strings cost their bytes and nothing is copied as the arena grows. 256 KiB stays under G1's
 * humongous-object threshold for any heap size, where a 1 MiB chunk would occupy two whole regions.
 * A string longer than a chunk gets a chunk of its own; longer than 16 MiB is cut.
 *
 * <p>Not thread-safe while strings are added; safe to read concurrently afterwards.
 */
final class Utf8Arena {

    private static final int CHUNK = 1 << 18;
    private static final int MAX_LENGTH = (1 << 24) - 1;

    private byte[][] chunks = new byte[16][];
    private int chunkCount;
    private int used = CHUNK;

    long add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    long add(byte[] utf8) {
        int length = Math.min(utf8.length, MAX_LENGTH);
        if (used + length > CHUNK) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            chunks[chunkCount++] = new byte[Math.max(CHUNK, length)];
            used = 0;
        }
        System.arraycopy(utf8, 0, chunks[chunkCount - 1], used, length);
        long address = ((long) (chunkCount - 1) << 44) | ((long) used << 24) | length;
        used += length;
        return address;
    }

    String string(long address) {
        return new String(chunks[chunk(address)], offset(address), length(address), StandardCharsets.UTF_8);
    }

    boolean equals(long address, byte[] utf8) {
        int length = length(address);
        int offset = offset(address);
        return length == utf8.length && Arrays.equals(chunks[chunk(address)], offset, offset + length, utf8, 0, length);
    }

    long bytes() {
        long bytes = 0;
        for (int i = 0; i < chunkCount; i++) {
            bytes += chunks[i].length;
        }
        return bytes;
    }

    private static int chunk(long address) {
        return (int) (address >>> 44);
    }

    private static int offset(long address) {
        return (int) ((address >>> 24) & 0xFFFFF);
    }

    private static int length(long address) {
        return (int) (address & MAX_LENGTH);
    }
}
