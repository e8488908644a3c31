package dev.daalu.indexer.rank;

import dev.daalu.indexer.parse.FileTags;

import java.util.Objects;

/**
 * What the symbol graph knows of one indexed file.
 *
 * @param path relative to the workspace root, '/'-separated
 * @param tags its tags (possibly skipped, possibly none)
 * @param inGraph false for vendored or generated files kept out of the symbol graph: they are not ranked
 *     and their definitions are not shown, though they stay searchable
 */
public record FileSymbols(String path, FileTags tags, boolean inGraph) {

    public FileSymbols {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tags, "tags");
    }
}
