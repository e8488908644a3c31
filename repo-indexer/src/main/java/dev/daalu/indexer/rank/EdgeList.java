package dev.daalu.indexer.rank;

import java.util.Arrays;

/**
 * Weighted edges grouped by source file in CSR form: the edges of file f are
 * {@code [start(f), start(f + 1))}. Built by appending each source's edges in source order.
 */
final class EdgeList {

    private final int[] start;
    private int[] target = new int[1024];
    private float[] weight = new float[1024];
    private int size;
    // start[0..opened] are set
    private int opened;

    EdgeList(int files) {
        start = new int[files + 1];
    }

    /** Appends an edge; sources must come in non-decreasing order. */
    void add(int source, int to, float edgeWeight) {
        closeUpTo(source);
        if (size == target.length) {
            target = Arrays.copyOf(target, size * 2);
            weight = Arrays.copyOf(weight, size * 2);
        }
        target[size] = to;
        weight[size] = edgeWeight;
        size++;
    }

    /** Ends the list: every source without edges so far gets none. */
    EdgeList finish() {
        closeUpTo(start.length - 1);
        target = Arrays.copyOf(target, size);
        weight = Arrays.copyOf(weight, size);
        return this;
    }

    int start(int source) {
        return start[source];
    }

    int target(int edge) {
        return target[edge];
    }

    float weight(int edge) {
        return weight[edge];
    }

    int size() {
        return size;
    }

    private void closeUpTo(int source) {
        while (opened < source) {
            start[++opened] = size;
        }
    }
}
