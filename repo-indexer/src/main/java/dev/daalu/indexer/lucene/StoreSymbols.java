package dev.daalu.indexer.lucene;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.TagCodec;
import dev.daalu.indexer.rank.FileSymbols;
import dev.daalu.indexer.rank.SymbolSource;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The store's text files as the repo mapper reads them: tags and graph membership come from doc values, so
 * a full visit never decompresses file contents. One searcher snapshot per visit. Thread-safe.
 */
public final class StoreSymbols implements SymbolSource {

    private final LuceneStore store;

    public StoreSymbols(LuceneStore store) {
        this.store = store;
    }

    @Override
    public void forEachFile(Consumer<FileSymbols> visitor) throws IOException {
        store.withSearcher(searcher -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<Entry> entries = textFiles(leaves);
            entries.sort(Comparator.comparing(Entry::path));
            BinaryDocValues[] tags = new BinaryDocValues[leaves.size()];
            NumericDocValues[] flags = new NumericDocValues[leaves.size()];
            int[] position = new int[leaves.size()];
            for (Entry entry : entries) {
                LeafReader leaf = leaves.get(entry.leaf).reader();
                // doc values iterate forward only; path order mostly follows index order, so resets are rare
                if (tags[entry.leaf] == null || position[entry.leaf] >= entry.doc) {
                    tags[entry.leaf] = DocValues.getBinary(leaf, IndexFields.TAGS);
                    flags[entry.leaf] = DocValues.getNumeric(leaf, IndexFields.FLAGS);
                }
                position[entry.leaf] = entry.doc;
                FileTags fileTags = FileTags.none();
                if (tags[entry.leaf].advanceExact(entry.doc)) {
                    try {
                        fileTags = TagCodec.decode(BytesRef.deepCopyOf(tags[entry.leaf].binaryValue()).bytes);
                    } catch (IllegalArgumentException corrupt) {
                        fileTags = FileTags.skipped(null, "unreadable tags");
                    }
                }
                int fileFlags = flags[entry.leaf].advanceExact(entry.doc) ? (int) flags[entry.leaf].longValue() : 0;
                visitor.accept(new FileSymbols(entry.path, fileTags, (fileFlags & FileRecord.IN_GRAPH) != 0));
            }
            return null;
        });
    }

    @Override
    public long generation() {
        return store.generation();
    }

    private record Entry(String path, int leaf, int doc) { }

    private static List<Entry> textFiles(List<LeafReaderContext> leaves) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (LeafReaderContext context : leaves) {
            LeafReader leaf = context.reader();
            Bits live = leaf.getLiveDocs();
            SortedDocValues paths = DocValues.getSorted(leaf, IndexFields.PATH);
            NumericDocValues kinds = DocValues.getNumeric(leaf, IndexFields.KIND);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if ((live == null || live.get(doc)) && kinds.advanceExact(doc)
                        && kinds.longValue() == FileRecord.Kind.TEXT.ordinal() && paths.advanceExact(doc)) {
                    entries.add(new Entry(IndexFields.utf8(paths.lookupOrd(paths.ordValue())), context.ord, doc));
                }
            }
        }
        return entries;
    }
}
