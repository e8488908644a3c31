package dev.daalu.indexer.rank;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The per-file symbols of an index, as the repo mapper reads them. Implemented by the index's store.
 *
 * <p>Threading: {@link #forEachFile} may be called from any thread and sees one consistent snapshot.
 */
public interface SymbolSource {

    /** Visits every indexed file once, in path order. */
    void forEachFile(Consumer<FileSymbols> visitor) throws IOException;

    /**
     * Changes whenever any file's symbols change (or a file is added or removed), so a mapper can
     * cache what it derived from the last snapshot.
     */
    long generation();
}
