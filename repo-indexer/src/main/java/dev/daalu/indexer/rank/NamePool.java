package dev.daalu.indexer.rank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns identifiers to dense int ids (0, 1, 2... in order of first sight). Names live as UTF-8 in a
 * {@link Utf8Arena} and the table holds ids, not entries, so a name costs its bytes plus about 20:
 * millions of names stay small (a {@code String} per name would cost 56 bytes more).
 *
 * <p>Not thread-safe while names are added; safe to read concurrently once building is done.
 */
final class NamePool {

    private final Utf8Arena arena = new Utf8Arena();
    /** Per id: where its UTF-8 lives in the arena. */
    private long[] addresses = new long[1024];
    private int[] hashes = new int[1024];
    private int[] table = new int[2048];
    private int size;

    NamePool() {
        Arrays.fill(table, -1);
    }

    /** The id of {@code name}, adding it if new. */
    int intern(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int hash = mix(Arrays.hashCode(utf8));
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0) {
                return add(utf8, hash, slot);
            }
            if (hashes[id] == hash && arena.equals(addresses[id], utf8)) {
                return id;
            }
        }
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int hash = mix(Arrays.hashCode(utf8));
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0 || (hashes[id] == hash && arena.equals(addresses[id], utf8))) {
                return id;
            }
        }
    }

    String name(int id) {
        return arena.string(addresses[id]);
    }

    int size() {
        return size;
    }

    /** Bytes held, for benchmarks. */
    long bytes() {
        return arena.bytes() + addresses.length * 12L + table.length * 4L;
    }

    /** Drops spare capacity once all names are in. */
    void trim() {
        addresses = Arrays.copyOf(addresses, Math.max(1, size));
        hashes = Arrays.copyOf(hashes, Math.max(1, size));
    }

    private int add(byte[] utf8, int hash, int slot) {
        if (size == addresses.length) {
            addresses = Arrays.copyOf(addresses, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        addresses[size] = arena.add(utf8);
        hashes[size] = hash;
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        int[] grown = new int[table.length * 2];
        Arrays.fill(grown, -1);
        int mask = grown.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (grown[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = id;
        }
        table = grown;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
