package dev.daalu.indexer.rank;

import java.util.Arrays;

/**
 * Interns identifiers to dense int ids (0, 1, 2... in order of first sight), with an open-addressing
 * table of ids instead of a map of boxed entries, so millions of names cost little more than the strings.
 *
 * <p>Not thread-safe while names are added; safe to read concurrently once building is done.
 */
final class NamePool {

    private String[] names = new String[1024];
    private int[] table = new int[2048];
    private int size;

    NamePool() {
        Arrays.fill(table, -1);
    }

    /** The id of {@code name}, adding it if new. */
    int intern(String name) {
        int mask = table.length - 1;
        for (int slot = mix(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0) {
                return add(name, slot);
            }
            if (names[id].equals(name)) {
                return id;
            }
        }
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        int mask = table.length - 1;
        for (int slot = mix(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0 || names[id].equals(name)) {
                return id;
            }
        }
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return size;
    }

    /** Drops spare capacity once all names are in. */
    void trim() {
        names = Arrays.copyOf(names, size);
    }

    private int add(String name, int slot) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
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
            int slot = mix(names[id].hashCode()) & mask;
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
