package dev.daalu.indexer.search;

import java.util.Arrays;

/**
 * An open-addressing set of non-negative longs with a fixed capacity ceiling, reused across files so that
 * collecting a file's distinct trigrams allocates nothing once warm. Not thread-safe.
 */
public final class LongSet {

    private static final long EMPTY = -1L;

    private final int maxSize;
    private long[] slots;
    private int size;

    /** @param maxSize the most values the set accepts; {@link #add} returns false beyond it */
    public LongSet(int maxSize) {
        this.maxSize = maxSize;
        this.slots = new long[1024];
        Arrays.fill(slots, EMPTY);
    }

    /** @return false only when the set is full and {@code value} is not already in it */
    public boolean add(long value) {
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                if (size >= maxSize) {
                    return false;
                }
                slots[i] = value;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Copies the values out, in no particular order. */
    public long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        for (long slot : slots) {
            if (slot != EMPTY) {
                out[n++] = slot;
            }
        }
        return out;
    }

    /** Empties the set; shrinks storage that a large file grew, so one big file does not pin memory. */
    public void clear() {
        if (slots.length > 1 << 17) {
            slots = new long[1024];
        }
        Arrays.fill(slots, EMPTY);
        size = 0;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != EMPTY) {
                int i = mix(value) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
