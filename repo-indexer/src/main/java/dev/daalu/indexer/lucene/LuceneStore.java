package dev.daalu.indexer.lucene;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.TagCodec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lucene index of one workspace (layout in {@link IndexFields}) with its {@link Manifest}.
 *
 * <p>Writes ({@link #put}, {@link #touch}, {@link #delete}) may come from many threads; they become visible
 * to searches at {@link #refresh} (near-real-time, no commit needed) and durable at {@link #commit}.
 * Searches go through {@link #withSearcher} and see the last refreshed state.
 *
 * <p>Every commit carries the schema version and a fingerprint of the settings that shape documents; an
 * index written with other settings, by another schema, or found corrupt is discarded at open and rebuilt
 * by the next pass ({@link #openNote} says so).
 */
public final class LuceneStore implements Closeable {

    /** Bump when documents change shape or what may be stored changes (secret files): older indexes are then rebuilt. */
    static final String SCHEMA_VERSION = "6";
    private static final String SCHEMA_KEY = "daalu.schema";
    private static final String SETTINGS_KEY = "daalu.settings";
    private static final double RAM_BUFFER_MB = 48;

    /** Reads with one searcher; the searcher must not escape the call. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path indexDir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Manifest manifest;
    private final String openNote;
    private final Thread privateCopyCleanup;
    private final AtomicLong generation = new AtomicLong(1);
    private final AtomicBoolean changedSinceRefresh = new AtomicBoolean();

    private LuceneStore(Path indexDir, FSDirectory directory, IndexWriter writer, String openNote, Thread privateCopyCleanup)
            throws IOException {
        this.indexDir = indexDir;
        this.privateCopyCleanup = privateCopyCleanup;
        this.directory = directory;
        this.writer = writer;
        this.openNote = openNote;
        this.searchers = new SearcherManager(writer, null);
        IndexSearcher searcher = searchers.acquire();
        try {
            this.manifest = Manifest.load((DirectoryReader) searcher.getIndexReader());
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Opens the index in {@code indexDir}, creating it when absent.
     *
     * <p>When another process holds that index, this one gets a {@link PrivateIndexCopy} of its last commit
     * instead ({@link #openNote} says so), so two daalu processes can serve the same workspace.
     *
     * @param settings fingerprint of the settings that shape documents (parser, parse limits, vendoring)
     * @throws IOException when the directory cannot be used
     */
    public static LuceneStore open(Path indexDir, String settings) throws IOException {
        PrivateIndexCopy.deleteCopiesOfEndedProcesses(indexDir);
        try {
            return openDirectory(indexDir, settings, null, null);
        } catch (LockObtainFailedException e) {
            Path copy = PrivateIndexCopy.create(indexDir);
            Thread cleanup = PrivateIndexCopy.deleteAtExit(copy);
            try {
                return openDirectory(copy, settings, "another daalu process holds the index at " + indexDir
                        + "; this one works on a private copy, deleted when it exits", cleanup);
            } catch (IOException | RuntimeException failure) {
                PrivateIndexCopy.delete(copy);
                throw failure;
            }
        }
    }

    // privateCopyCleanup: the shutdown hook that deletes a private copy, or null for the shared index
    private static LuceneStore openDirectory(Path indexDir, String settings, String sharingNote, Thread privateCopyCleanup)
            throws IOException {
        Files.createDirectories(indexDir);
        FSDirectory directory = FSDirectory.open(indexDir);
        try {
            String note = null;
            IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
            if (DirectoryReader.indexExists(directory)) {
                try {
                    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                    if (!SCHEMA_VERSION.equals(data.get(SCHEMA_KEY)) || !settings.equals(data.get(SETTINGS_KEY))) {
                        mode = IndexWriterConfig.OpenMode.CREATE;
                        note = "the index was built with other settings; it is rebuilt";
                    }
                } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                         | NoSuchFileException e) {
                    mode = IndexWriterConfig.OpenMode.CREATE;
                    note = "the index was unreadable (" + e.getClass().getSimpleName() + "); it is rebuilt";
                }
            }
            IndexWriterConfig config = new IndexWriterConfig(new CodeAnalyzer())
                    .setOpenMode(mode)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION, SETTINGS_KEY, settings).entrySet());
            String notes = sharingNote == null ? note : note == null ? sharingNote : sharingNote + "; " + note;
            return new LuceneStore(indexDir, directory, writer, notes, privateCopyCleanup);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public Path indexDir() {
        return indexDir;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Why the index was rebuilt at open, or that it is a private copy, or null. */
    public String openNote() {
        return openNote;
    }

    /** Changes whenever a refresh makes changed documents visible. */
    public long generation() {
        return generation.get();
    }

    /** Adds or replaces the documents of {@code path}, all at once. */
    void put(String path, List<Document> documents, FileRecord record) throws IOException {
        writer.updateDocuments(new Term(IndexFields.PATH, path), documents);
        manifest.put(path, record);
        changedSinceRefresh.set(true);
    }

    /** Records a new fingerprint for a file whose content did not change (no re-indexing). */
    void touch(String path, FileRecord record) throws IOException {
        writer.updateNumericDocValue(new Term(IndexFields.PATH, path), IndexFields.MTIME,
                record.fingerprint().modifiedNanos());
        manifest.put(path, record);
    }

    void delete(String path) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.PATH, path));
        manifest.remove(path);
        changedSinceRefresh.set(true);
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        boolean changed = changedSinceRefresh.getAndSet(false);
        searchers.maybeRefreshBlocking();
        if (changed) {
            generation.incrementAndGet();
        }
    }

    /** Makes every write so far durable. */
    public void commit() throws IOException {
        writer.commit();
    }

    public <T> T withSearcher(SearcherFunction<T> function) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return function.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The tags stored for a file with this content hash, when the index holds such a file and it was parsed
     * with {@code language}: the tag cache, so identical content is never parsed twice, across renames and
     * restarts.
     */
    FileTags cachedTags(String hash, String language) throws IOException {
        String path = manifest.pathWithHash(hash);
        FileRecord record = path == null ? null : manifest.get(path);
        if (record == null || !hash.equals(record.hash()) || !record.has(FileRecord.PARSED)) {
            return null;
        }
        return withSearcher(searcher -> {
            // the file's first document is the one with the manifest fields (the others are chunks)
            Query primary = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.PATH, path)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.KIND, FileRecord.Kind.TEXT.name())), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(primary, 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int local = doc - leaf.docBase;
            // the searcher may still hold the file's previous version: only a document with this hash will do
            BinaryDocValues hashes = leaf.reader().getBinaryDocValues(IndexFields.HASH);
            if (hashes == null || !hashes.advanceExact(local) || !hash.equals(IndexFields.utf8(hashes.binaryValue()))) {
                return null;
            }
            BinaryDocValues tags = leaf.reader().getBinaryDocValues(IndexFields.TAGS);
            if (tags == null || !tags.advanceExact(local)) {
                return null;
            }
            FileTags decoded = TagCodec.decode(BytesRef.deepCopyOf(tags.binaryValue()).bytes);
            return language.equals(decoded.language()) ? decoded : null;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
            if (privateCopyCleanup != null) {
                PrivateIndexCopy.delete(indexDir);
                try {
                    Runtime.getRuntime().removeShutdownHook(privateCopyCleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway, and finds nothing left
                }
            }
        }
    }
}
