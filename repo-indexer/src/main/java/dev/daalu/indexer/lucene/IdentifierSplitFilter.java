package dev.daalu.indexer.lucene;

import dev.daalu.indexer.search.IdentifierPattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Splits each identifier token into its lower-case words, at the boundaries identifier search uses
 * ({@link IdentifierPattern#split}): {@code aws_s3BucketPolicy} becomes {@code aws}, {@code s3},
 * {@code bucket}, {@code policy}. Positions are not kept; the fields it feeds index documents only.
 */
public final class IdentifierSplitFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();

    public IdentifierSplitFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (pending.isEmpty()) {
            if (!input.incrementToken()) {
                return false;
            }
            pending.addAll(IdentifierPattern.split(term));
        }
        String word = pending.removeFirst();
        term.setEmpty().append(word);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
