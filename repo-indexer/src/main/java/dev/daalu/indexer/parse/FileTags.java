package dev.daalu.indexer.parse;

import java.util.List;

/**
 * The tags of one file, or why it has none.
 *
 * @param language the grammar used, e.g. {@code python}; null when no grammar applies
 * @param tags definitions and references in source order
 * @param skippedReason null when parsed; otherwise why it was not (e.g. "too large", "minified",
 *     "nesting too deep", "parse timed out") so the map can show the file by path only
 */
public record FileTags(String language, List<Tag> tags, String skippedReason) {

    public FileTags {
        tags = List.copyOf(tags);
    }

    public static FileTags skipped(String language, String reason) {
        return new FileTags(language, List.of(), reason);
    }

    public static FileTags none() {
        return new FileTags(null, List.of(), null);
    }
}
