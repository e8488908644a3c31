package dev.daalu.server.protocol;

/**
 * {@code $/progress}, shaped like LSP work-done progress.
 *
 * @param token identifies one progress sequence, e.g. {@code index-1}
 * @param value the report
 */
public record ProgressParams(String token, Value value) {

    /**
     * @param kind {@code begin}, {@code report} or {@code end}
     * @param title on {@code begin}, e.g. "Indexing"
     * @param message e.g. "12034/78213 files"
     * @param percentage 0..100, when known
     */
    public record Value(String kind, String title, String message, Integer percentage) { }
}
