package dev.daalu.indexer.lucene;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;
import dev.daalu.indexer.parse.TagCodec;
import dev.daalu.indexer.search.LongSet;
import dev.daalu.indexer.search.Trigrams;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index's layout: one Lucene document per file the walk found.
 *
 * <p>A text file longer than {@link #CHUNK_CHARS} is a manifest document followed by chunk documents (path,
 * flags and the searchable fields only); all of a file's documents share its path term, so one update or
 * delete replaces them together.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>how</th><th>what</th></tr>
 *   <tr><td>{@value #PATH}</td><td>term + sorted doc values</td><td>relative path; updates and deletes go by it</td></tr>
 *   <tr><td>{@value #KIND}</td><td>term + numeric doc values</td><td>{@link FileRecord.Kind}; searches filter on TEXT</td></tr>
 *   <tr><td>{@value #SIZE}, {@value #MTIME}, {@value #FLAGS}</td><td>numeric doc values</td><td>the manifest, loaded at open
 *       without touching stored content; {@value #MTIME} is updated in place for touched files</td></tr>
 *   <tr><td>{@value #HASH}, {@value #PROBLEM}</td><td>binary doc values</td><td>content hash; why not fully indexed</td></tr>
 *   <tr><td>{@value #CONTENT}</td><td>binary doc values</td><td>the decoded text as UTF-8 (text files and chunks): what
 *       searches verify against. Doc values are stored uncompressed and read with a bulk copy, about five times
 *       faster than decompressing stored fields; verification is a search's main cost, so the index is about
 *       the size of the text it holds</td></tr>
 *   <tr><td>{@value #TRIGRAMS}</td><td>indexed, docs only</td><td>distinct folded trigrams: candidate selection</td></tr>
 *   <tr><td>{@value #BINARY_TRIGRAMS}</td><td>indexed, docs only</td><td>trigrams of a small binary file's bytes:
 *       "binary file matches" for literal searches</td></tr>
 *   <tr><td>{@value #SEARCHABLE}</td><td>term</td><td>on documents holding text (a file or a chunk): what searches select</td></tr>
 *   <tr><td>{@value #FIRST_LINE}</td><td>numeric doc values</td><td>the line number a searchable document's text starts at</td></tr>
 *   <tr><td>{@value #SCAN}</td><td>term</td><td>{@value #SCAN_ALL} on files with too many trigrams to index</td></tr>
 *   <tr><td>{@value #TAGS}</td><td>binary doc values</td><td>{@link TagCodec} bytes: the tag cache and the symbol source</td></tr>
 *   <tr><td>{@value #DEFINITIONS}</td><td>binary doc values</td><td>{@code line TAB name LF} per definition: which hits
 *       define the query, read by every search with a hit in the file, without decoding all its tags</td></tr>
 *   <tr><td>{@value #PATH_WORDS}, {@value #DEF_WORDS}</td><td>indexed words, docs only</td><td>path and defined names split by
 *       {@link CodeAnalyzer}: the file score</td></tr>
 * </table>
 *
 * <p>Secret and oversized files get the manifest fields only, binary files at most their byte trigrams, so
 * they are listed and counted but never searched as text or mapped.
 */
public final class IndexFields {

    public static final String PATH = "path";
    public static final String KIND = "kind";
    public static final String SIZE = "size";
    public static final String MTIME = "mtime";
    public static final String FLAGS = "flags";
    public static final String HASH = "hash";
    public static final String PROBLEM = "problem";
    public static final String CONTENT = "content";
    public static final String TRIGRAMS = "tri";
    public static final String BINARY_TRIGRAMS = "btri";
    public static final String SCAN = "scan";
    public static final String SCAN_ALL = "all";
    public static final String SEARCHABLE = "searchable";
    public static final String SEARCHABLE_YES = "yes";
    public static final String FIRST_LINE = "firstline";

    /** Text files longer than this many characters are searched in chunks of whole lines about this long. */
    public static final int CHUNK_CHARS = 1 << 17;
    public static final String TAGS = "tags";
    public static final String DEFINITIONS = "defs";
    public static final String PATH_WORDS = "pathwords";
    public static final String DEF_WORDS = "defwords";

    /** Indexed, tokenized, documents only: no frequencies, positions or norms, to keep indexing cheap. */
    static final FieldType DOCS_ONLY = new FieldType();

    static {
        DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
        DOCS_ONLY.setTokenized(true);
        DOCS_ONLY.setOmitNorms(true);
        DOCS_ONLY.freeze();
    }

    private IndexFields() {
    }

    /** The manifest fields every document has. */
    static Document manifestDocument(String path, FileRecord record) {
        Document doc = new Document();
        doc.add(new StringField(PATH, path, Field.Store.NO));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(path)));
        doc.add(new StringField(KIND, record.kind().name(), Field.Store.NO));
        doc.add(new NumericDocValuesField(KIND, record.kind().ordinal()));
        doc.add(new NumericDocValuesField(SIZE, record.fingerprint().size()));
        doc.add(new NumericDocValuesField(MTIME, record.fingerprint().modifiedNanos()));
        doc.add(new NumericDocValuesField(FLAGS, record.flags()));
        if (record.hash() != null) {
            doc.add(new BinaryDocValuesField(HASH, new BytesRef(record.hash())));
        }
        if (record.problem() != null) {
            doc.add(new BinaryDocValuesField(PROBLEM, new BytesRef(record.problem())));
        }
        return doc;
    }

    /**
     * A binary file's document: the manifest fields, and when not null the trigrams of its bytes read as
     * Latin-1, for "binary file matches".
     */
    static Document binaryDocument(String path, FileRecord record, long[] trigrams) {
        Document doc = manifestDocument(path, record);
        if (trigrams != null) {
            doc.add(new Field(BINARY_TRIGRAMS, new TrigramTokenStream(trigrams), DOCS_ONLY));
        }
        return doc;
    }

    /**
     * A text file's documents. Up to {@link #CHUNK_CHARS} characters: one document with the manifest fields,
     * its text, trigrams, tags and words. Longer: a manifest document (with the tags), then one searchable
     * document per chunk of whole lines, each with its own trigrams and {@value #FIRST_LINE}, so a search
     * verifies only the chunks that can match instead of all of a 20 MB generated header.
     *
     * @param scratch an empty set to collect trigrams in; left empty
     */
    static List<Document> textDocuments(String path, FileRecord record, String text, FileTags tags, LongSet scratch) {
        BytesRef encodedTags = new BytesRef(TagCodec.encode(tags));
        String definedNames = definedNames(tags);
        BytesRef definitions = definitionLines(tags);
        Document first = manifestDocument(path, record);
        if (text.length() <= CHUNK_CHARS) {
            addSearchable(first, path, text, 1, encodedTags, definitions, definedNames, scratch);
            return List.of(first);
        }
        first.add(new BinaryDocValuesField(TAGS, encodedTags));
        List<Document> docs = new ArrayList<>();
        docs.add(first);
        int line = 1;
        for (int start = 0; start < text.length(); ) {
            int end = chunkEnd(text, start);
            String chunk = text.substring(start, end);
            Document doc = new Document();
            doc.add(new StringField(PATH, path, Field.Store.NO));
            doc.add(new SortedDocValuesField(PATH, new BytesRef(path)));
            doc.add(new NumericDocValuesField(FLAGS, record.flags()));
            addSearchable(doc, path, chunk, line, encodedTags, definitions, definedNames, scratch);
            docs.add(doc);
            line += (int) chunk.chars().filter(c -> c == '\n').count();
            start = end;
        }
        return docs;
    }

    // A chunk ends after the last newline within CHUNK_CHARS; a line longer than that stays whole
    private static int chunkEnd(String text, int start) {
        int limit = start + CHUNK_CHARS;
        if (limit >= text.length()) {
            return text.length();
        }
        int newline = text.lastIndexOf('\n', limit - 1);
        if (newline >= start) {
            return newline + 1;
        }
        int next = text.indexOf('\n', limit);
        return next < 0 ? text.length() : next + 1;
    }

    private static void addSearchable(Document doc, String path, String text, int firstLine, BytesRef tags,
                                      BytesRef definitions, String definedNames, LongSet scratch) {
        doc.add(new StringField(SEARCHABLE, SEARCHABLE_YES, Field.Store.NO));
        doc.add(new BinaryDocValuesField(CONTENT, new BytesRef(text.getBytes(StandardCharsets.UTF_8))));
        if (Trigrams.collect(text, scratch)) {
            doc.add(new Field(TRIGRAMS, new TrigramTokenStream(scratch.toArray()), DOCS_ONLY));
        } else {
            doc.add(new StringField(SCAN, SCAN_ALL, Field.Store.NO));
        }
        scratch.clear();
        doc.add(new NumericDocValuesField(FIRST_LINE, firstLine));
        doc.add(new BinaryDocValuesField(TAGS, tags));
        doc.add(new BinaryDocValuesField(DEFINITIONS, definitions));
        doc.add(new Field(PATH_WORDS, path, DOCS_ONLY));
        if (!definedNames.isEmpty()) {
            doc.add(new Field(DEF_WORDS, definedNames, DOCS_ONLY));
        }
    }

    private static String definedNames(FileTags tags) {
        Set<String> defined = new LinkedHashSet<>();
        for (Tag tag : tags.tags()) {
            if (tag.isDefinition()) {
                defined.add(tag.name());
            }
        }
        return String.join(" ", defined);
    }

    private static BytesRef definitionLines(FileTags tags) {
        StringBuilder lines = new StringBuilder();
        for (Tag tag : tags.tags()) {
            if (tag.isDefinition() && tag.name().indexOf('\n') < 0) {
                lines.append(tag.line()).append('\t').append(tag.name()).append('\n');
            }
        }
        return new BytesRef(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String utf8(BytesRef bytes) {
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}
