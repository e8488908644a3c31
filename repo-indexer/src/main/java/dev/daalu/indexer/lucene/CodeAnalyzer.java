package dev.daalu.indexer.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Analyses paths and symbol names into the words a query's words are compared with: runs of letters,
 * digits, {@code _}, {@code -} and {@code $} are identifiers, each split by {@link IdentifierSplitFilter}.
 * {@code modules/s3/bucket_policy.tf} gives {@code modules s3 bucket policy tf}. Thread-safe.
 */
public final class CodeAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(
                c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$');
        return new TokenStreamComponents(tokenizer, new IdentifierSplitFilter(tokenizer));
    }
}
