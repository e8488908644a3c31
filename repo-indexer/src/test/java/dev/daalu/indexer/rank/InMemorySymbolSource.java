package dev.daalu.indexer.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A {@link SymbolSource} over a list of files, counting how often it is read. */
final class InMemorySymbolSource implements SymbolSource {

    private final List<FileSymbols> files;
    private final long generation;
    private final AtomicInteger reads = new AtomicInteger();

    InMemorySymbolSource(List<FileSymbols> files, long generation) {
        List<FileSymbols> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileSymbols::path));
        this.files = List.copyOf(sorted);
        this.generation = generation;
    }

    @Override
    public void forEachFile(Consumer<FileSymbols> visitor) {
        reads.incrementAndGet();
        files.forEach(visitor);
    }

    @Override
    public long generation() {
        return generation;
    }

    int reads() {
        return reads.get();
    }

    List<FileSymbols> files() {
        return files;
    }
}
