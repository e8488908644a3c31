package dev.daalu.indexer.lucene;

import dev.daalu.indexer.search.Trigrams;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Emits a file's distinct trigrams (already collected and folded, see {@link Trigrams}) as three-character
 * terms, once each, so the trigram field costs one posting per distinct trigram.
 */
final class TrigramTokenStream extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final long[] grams;
    private int next;

    TrigramTokenStream(long[] grams) {
        this.grams = grams;
    }

    @Override
    public boolean incrementToken() {
        if (next >= grams.length) {
            return false;
        }
        clearAttributes();
        long gram = grams[next++];
        char[] buffer = term.resizeBuffer(3);
        buffer[0] = (char) (gram >>> 32);
        buffer[1] = (char) (gram >>> 16);
        buffer[2] = (char) gram;
        term.setLength(3);
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }
}
