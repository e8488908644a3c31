package dev.daalu.indexer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of timings (nearest rank). */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** The nearest-rank percentile; NaN for no values. */
    static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
