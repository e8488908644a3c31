package dev.daalu.indexer.lucene;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;
import dev.daalu.indexer.parse.TagCodec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The index's layout: one Lucene document per file the walk found.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>how</th><th>what</th></tr>
 *   <tr><td>{@value #PATH}</td><td>term + sorted doc values</td><td>relative path; updates and deletes go by it</td></tr>
 *   <tr><td>{@value #KIND}</td><td>term + numeric doc values</td><td>{@link FileRecord.Kind}; searches filter on TEXT</td></tr>
 *   <tr><td>{@value #SIZE}, {@value #MTIME}, {@value #FLAGS}</td><td>numeric doc values</td><td>the manifest, loaded at open
 *       without touching stored content; {@value #MTIME} is updated in place for touched files</td></tr>
 *   <tr><td>{@value #HASH}, {@value #PROBLEM}</td><td>binary doc values</td><td>content hash; why not fully indexed</td></tr>
 *   <tr><td>{@value #CONTENT}</td><td>stored</td><td>the decoded text (text files only), in {@link ContentCodec}'s form:
 *       what searches verify against</td></tr>
 *   <tr><td>{@value #TRIGRAMS}</td><td>indexed, docs only</td><td>distinct folded trigrams: candidate selection</td></tr>
 *   <tr><td>{@value #SCAN}</td><td>term</td><td>{@value #SCAN_ALL} on files with too many trigrams to index</td></tr>
 *   <tr><td>{@value #TAGS}</td><td>binary doc values</td><td>{@link TagCodec} bytes: the tag cache and the symbol source</td></tr>
 *   <tr><td>{@value #PATH_WORDS}, {@value #DEF_WORDS}</td><td>indexed words, docs only</td><td>path and defined names split by
 *       {@link CodeAnalyzer}: the file score</td></tr>
 * </table>
 *
 * <p>Secret, binary and oversized files get the manifest fields only, so they are listed and counted but
 * never searched or mapped.
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
    public static final String SCAN = "scan";
    public static final String SCAN_ALL = "all";
    public static final String TAGS = "tags";
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
     * A text file's document: the manifest fields plus its text, trigrams, tags and words.
     *
     * @param trigrams the file's distinct folded trigrams, or null when there were too many (then
     *     {@link FileRecord#SCAN_ALWAYS} must be set)
     */
    static Document textDocument(String path, FileRecord record, String text, long[] trigrams, FileTags tags) {
        Document doc = manifestDocument(path, record);
        doc.add(new StoredField(CONTENT, ContentCodec.encode(text)));
        if (trigrams != null) {
            doc.add(new Field(TRIGRAMS, new TrigramTokenStream(trigrams), DOCS_ONLY));
        } else {
            doc.add(new StringField(SCAN, SCAN_ALL, Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(TAGS, new BytesRef(TagCodec.encode(tags))));
        doc.add(new Field(PATH_WORDS, path, DOCS_ONLY));
        Set<String> defined = new LinkedHashSet<>();
        for (Tag tag : tags.tags()) {
            if (tag.isDefinition()) {
                defined.add(tag.name());
            }
        }
        if (!defined.isEmpty()) {
            doc.add(new Field(DEF_WORDS, String.join(" ", defined), DOCS_ONLY));
        }
        return doc;
    }

    static String utf8(BytesRef bytes) {
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}
