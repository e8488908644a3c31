package dev.daalu.indexer.lucene;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.scan.FileClassifier;
import dev.daalu.indexer.scan.Fingerprint;
import dev.daalu.indexer.scan.TextDecoder;
import dev.daalu.indexer.scan.WalkEntry;
import dev.daalu.indexer.search.LongSet;
import dev.daalu.indexer.search.Trigrams;
import org.apache.lucene.document.Document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns one file into its index document: classifies it, reads it (never through a link), hashes it,
 * decodes it, collects its trigrams and gets its tags (from the tag cache when the same content was parsed
 * before, else from the parser, within the guards). Runs on worker threads; each call is independent.
 */
final class FileIndexer {

    /** What became of one file. */
    sealed interface Outcome {
        /** The file's (new) documents (see {@link IndexFields#textDocuments}). */
        record Indexed(List<Document> documents, FileRecord record) implements Outcome { }

        /** Same content as before: only the fingerprint changes. */
        record Touched(FileRecord record) implements Outcome { }

        /** Could not be read; it stays out of the index and is retried next pass. */
        record Failed(String message) implements Outcome { }
    }

    /** More distinct trigrams than this, and the file is verified on every search instead. */
    static final int MAX_TRIGRAMS_PER_FILE = 1 << 20;
    /** Binary files up to this size are indexed for "binary file matches" (by their bytes' trigrams). */
    static final int BINARY_MATCH_MAX_BYTES = 1 << 20;
    /** A binary file with more distinct trigrams (compressed or random data) is not worth indexing. */
    static final int BINARY_MATCH_MAX_TRIGRAMS = 1 << 16;

    private final Path root;
    private final IndexConfig config;
    private final FileClassifier classifier;
    private final SyntaxParser parser;
    private final LuceneStore store;
    private final LongSupplier wallNanos;
    private final ThreadLocal<LongSet> trigramSets = ThreadLocal.withInitial(() -> new LongSet(MAX_TRIGRAMS_PER_FILE));

    FileIndexer(Path root, IndexConfig config, SyntaxParser parser, LuceneStore store, Clock clock) {
        this.root = root;
        this.config = config;
        this.classifier = new FileClassifier(config);
        this.parser = parser;
        this.store = store;
        this.wallNanos = () -> {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        };
    }

    /**
     * @param previous what the index held for this path, or null
     */
    Outcome index(WalkEntry entry, FileRecord previous) {
        String path = entry.path();
        Fingerprint fingerprint = entry.fingerprint().trusted(wallNanos.getAsLong());
        if (classifier.isSecret(path)) {
            return manifestOnly(path, new FileRecord(fingerprint, null, FileRecord.Kind.SECRET, 0, null));
        }
        if (entry.size() > FileClassifier.MAX_TEXT_BYTES) {
            return tooLarge(path, fingerprint, entry.size());
        }
        Contents contents;
        try {
            contents = read(root.resolve(path), entry.size());
        } catch (IOException e) {
            return new Outcome.Failed("cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (contents.binary()) {
            return binary(path, new FileRecord(fingerprint, null, FileRecord.Kind.BINARY, 0, null), contents);
        }
        if (contents.length() > FileClassifier.MAX_TEXT_BYTES) {
            return tooLarge(path, new Fingerprint(contents.length(), Fingerprint.UNKNOWN_TIME), contents.length());
        }
        if (contents.length() != entry.size()) {
            // changed while we read it: index what we read, and look again next pass
            fingerprint = new Fingerprint(contents.length(), Fingerprint.UNKNOWN_TIME);
        }
        String hash = Fingerprint.contentHash(contents.bytes(), contents.length());
        if (previous != null && previous.kind() == FileRecord.Kind.TEXT && hash.equals(previous.hash())) {
            return new Outcome.Touched(previous.withFingerprint(fingerprint));
        }
        return text(path, fingerprint, hash, TextDecoder.decode(contents.bytes(), contents.length()), contents.length());
    }

    private Outcome text(String path, Fingerprint fingerprint, String hash, String text, long size) {
        boolean vendored = classifier.isVendored(path, text);
        String language = parser.languageFor(path).orElse(null);
        // a script without an extension may still name its interpreter, which the parser reads itself
        boolean parseable = language != null || text.startsWith("#!");
        FileTags tags;
        String problem = null;
        if (!parseable) {
            tags = FileTags.none();
        } else if (vendored && !config.symbolsForVendored()) {
            tags = FileTags.skipped(language, FileClassifier.VENDORED);
        } else {
            String guard = classifier.parseSkipReason(text, size);
            if (guard != null) {
                tags = FileTags.skipped(language, guard);
            } else {
                try {
                    tags = cachedOrParsed(path, hash, language, text);
                } catch (RuntimeException | StackOverflowError e) {
                    tags = FileTags.skipped(language, "parser failed");
                    problem = "parser failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
            }
        }
        FileRecord record = new FileRecord(fingerprint, hash, FileRecord.Kind.TEXT, flags(path, vendored, tags), problem);
        LongSet scratch = trigramSets.get();
        scratch.clear();
        return new Outcome.Indexed(IndexFields.textDocuments(path, record, text, tags, scratch), record);
    }

    private FileTags cachedOrParsed(String path, String hash, String language, String text) {
        try {
            FileTags cached = language == null ? null : store.cachedTags(hash, language);
            if (cached != null) {
                return cached;
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable cache entry only costs a parse
        }
        return parser.parse(path, text);
    }

    private int flags(String path, boolean vendored, FileTags tags) {
        int flags = 0;
        boolean keptOut = vendored && !config.symbolsForVendored();
        if (vendored) {
            flags |= FileRecord.VENDORED;
        }
        if (FileClassifier.isTestPath(path)) {
            flags |= FileRecord.TEST;
        }
        if (tags.language() != null && tags.skippedReason() == null) {
            flags |= FileRecord.PARSED;
        } else if (tags.language() != null && !keptOut) {
            flags |= FileRecord.PARSE_SKIPPED;
        }
        // vendored code and files over the parse size cap stay searchable but out of the symbol graph
        if (!keptOut && !FileClassifier.TOO_LARGE.equals(tags.skippedReason())) {
            flags |= FileRecord.IN_GRAPH;
        }
        return flags;
    }

    // The bytes' trigrams (as Latin-1 characters, so an ASCII query's trigrams are the same) let a literal
    // search report "binary file matches"; only small files with few distinct trigrams get them
    private static Outcome binary(String path, FileRecord record, Contents contents) {
        long[] trigrams = null;
        if (contents.complete()) {
            LongSet grams = new LongSet(BINARY_MATCH_MAX_TRIGRAMS);
            String latin1 = new String(contents.bytes(), 0, contents.length(), StandardCharsets.ISO_8859_1);
            trigrams = Trigrams.collect(latin1, grams) ? grams.toArray() : null;
        }
        return new Outcome.Indexed(List.of(IndexFields.binaryDocument(path, record, trigrams)), record);
    }

    private static Outcome manifestOnly(String path, FileRecord record) {
        return new Outcome.Indexed(List.of(IndexFields.manifestDocument(path, record)), record);
    }

    private static Outcome tooLarge(String path, Fingerprint fingerprint, long size) {
        String problem = "too large to index (" + (size >> 20) + " MiB; the limit is "
                + (FileClassifier.MAX_TEXT_BYTES >> 20) + " MiB)";
        return manifestOnly(path, new FileRecord(fingerprint, null, FileRecord.Kind.TOO_LARGE, 0, problem));
    }

    /** @param complete whether {@code bytes} hold the whole file (a large binary file is read only in part) */
    private record Contents(byte[] bytes, int length, boolean binary, boolean complete) { }

    // Reads the first bytes; a binary file is read on only when small. Text is read to the end (up to the cap
    // + 1, so an oversized file is noticed). NOFOLLOW_LINKS: a file swapped for a link since the walk is not
    // followed.
    private static Contents read(Path file, long expectedSize) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            int limit = (int) FileClassifier.MAX_TEXT_BYTES + 1;
            byte[] bytes = new byte[(int) Math.min(Math.max(expectedSize, 0) + 1, limit)];
            int length = fill(channel, bytes, 0, Math.min(bytes.length, FileClassifier.BINARY_SAMPLE_BYTES));
            boolean binary = FileClassifier.isBinary(bytes, length);
            if (binary && expectedSize > BINARY_MATCH_MAX_BYTES) {
                return new Contents(bytes, length, true, false);
            }
            while (true) {
                length = fill(channel, bytes, length, bytes.length);
                if (length < bytes.length || bytes.length >= limit) {
                    return new Contents(bytes, length, binary, length <= BINARY_MATCH_MAX_BYTES);
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, limit));
            }
        }
    }

    private static int fill(SeekableByteChannel channel, byte[] bytes, int from, int to) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return buffer.position();
    }
}
