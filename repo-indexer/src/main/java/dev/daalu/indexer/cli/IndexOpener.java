package dev.daalu.indexer.cli;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoIndexer;

import java.io.IOException;
import java.nio.file.Path;

/** How the commands open a directory's index; tests substitute their parser and index location. */
@FunctionalInterface
public interface IndexOpener {

    /** The default: {@link RepoIndexer#builder()} with its default parser, mapper and index location. */
    IndexOpener DEFAULT = dir -> RepoIndexer.builder().root(dir).build();

    RepoIndex open(Path dir) throws IOException;
}
