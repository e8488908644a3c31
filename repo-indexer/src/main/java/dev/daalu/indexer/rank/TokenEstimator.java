package dev.daalu.indexer.rank;

/**
 * Estimates how many tokens a model's tokenizer makes of a text, so a repo map fits its budget.
 * Implementations must be conservative (the real count should not exceed the estimate), fast (a map
 * estimates a few dozen candidate texts), thread-safe, and additive enough that a longer text never
 * estimates fewer tokens than its prefix.
 *
 * <p>Example: the agent server may wrap the model server's own tokenizer:
 * <pre>{@code
 * TokenEstimator exact = text -> tokenizer.encode(text.toString()).length;
 * }</pre>
 */
@FunctionalInterface
public interface TokenEstimator {

    int estimate(CharSequence text);

    /**
     * The default estimate, calibrated on repo maps with the Qwen2.5/Qwen3 tokenizer (one BPE vocabulary):
     * see {@link CodeTokenEstimator}.
     */
    static TokenEstimator qwenCode() {
        return CodeTokenEstimator.QWEN;
    }
}
