package dev.daalu.indexer.bench;

/**
 * The targets of the indexer benchmark issue, per codebase. NaN means no target for that codebase (the figure is
 * still reported).
 *
 * @param searchP50VsRg warm search p50 as a multiple of rg's p50 on the same queries
 * @param mapMillis repo map time (1K and 4K tokens)
 * @param peakRssBytes peak RSS of the indexing JVM
 */
record Targets(double searchP50VsRg, double mapMillis, double peakRssBytes) {

    /** Cold full index (default vendor policy) as a multiple of {@code ctags} on the same files. */
    static final double FULL_INDEX_VS_CTAGS = 3;
    /** No-change restart as a multiple of {@code rg --files}. */
    static final double RESTART_VS_RG_FILES = 2;
    /** One edited file to searchable. */
    static final double EDIT_TO_SEARCHABLE_MILLIS = 250;

    static Targets forCodebase(String name) {
        return switch (name) {
            case "kernel" -> new Targets(0.1, 1000, 1.5 * 1024 * 1024 * 1024);
            case "ansible" -> new Targets(0.25, Double.NaN, Double.NaN);
            default -> new Targets(Double.NaN, Double.NaN, Double.NaN);
        };
    }
}
