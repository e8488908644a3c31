package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tags files with tree-sitter grammars and the tags queries of {@link LanguageRegistry}.
 *
 * <p>Guards, in order, each giving a skipped result instead of tags: larger than
 * {@link IndexConfig#maxParseBytes()} ("too large"); a line longer than {@link IndexConfig#maxLineLength()}
 * ("minified"); bracket nesting deeper than {@link IndexConfig#maxNestingDepth()} ("nesting too deep");
 * parse and queries together running past {@link IndexConfig#parseTimeoutMillis()} ("parse timed out").
 * A grammar or query failure comes back as "parse failed: ..." and never escapes.
 *
 * <p>Threading: thread-safe. Native parsing needs a big stack, so parses run on {@link ParseThreads}
 * threads: inline when the caller is one (the fast path: run the indexing pool on
 * {@link ParseThreads#newFixedPool}), otherwise on a fresh parse thread the caller waits for. Each thread
 * keeps its own native parser and query cursor per language, reused from file to file.
 */
public final class TreeSitterParser implements SyntaxParser {

    private final LanguageRegistry registry;
    private final ParseGuard guard;
    private final long timeoutNanos;
    private final ThreadLocal<Map<String, ThreadTools>> tools = ThreadLocal.withInitial(HashMap::new);

    public TreeSitterParser(IndexConfig config) {
        this(LanguageRegistry.standard(), config);
    }

    public TreeSitterParser(LanguageRegistry registry, IndexConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.guard = new ParseGuard(config);
        this.timeoutNanos = config.parseTimeoutMillis() * 1_000_000;
    }

    @Override
    public Optional<String> languageFor(String relativePath) {
        return registry.languageFor(relativePath);
    }

    @Override
    public FileTags parse(String relativePath, String text) {
        Optional<LanguageRegistry.Entry> found = registry.entryFor(relativePath).or(() -> registry.entryForShebang(text));
        if (found.isEmpty()) {
            return FileTags.none();
        }
        LanguageRegistry.Entry language = found.get();
        String refusal = guard.refusal(text);
        if (refusal != null) {
            return FileTags.skipped(language.name(), refusal);
        }
        return ParseThreads.call(() -> parseHere(relativePath, text, language));
    }

    private FileTags parseHere(String relativePath, String text, LanguageRegistry.Entry language) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            SourceText source = SourceText.of(text);
            if (!guard.fits(source)) {
                return FileTags.skipped(language.name(), ParseGuard.TOO_LARGE);
            }
            ThreadTools own = tools.get().computeIfAbsent(language.name(), name -> new ThreadTools(language));
            List<Tag> tags = language.tagger().tags(relativePath, source, own.session(deadline));
            return new FileTags(language.name(), tags, null);
        } catch (ParseSession.TimedOut e) {
            return FileTags.skipped(language.name(), e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // a missing native library or a broken query must cost this file its tags, not the whole pass
            return FileTags.skipped(language.name(), "parse failed: " + e.getMessage());
        }
    }

    /** One thread's native parser and cursor for one language, freed once the thread is gone. */
    private static final class ThreadTools {
        private final long parser;
        private final long cursor;

        ThreadTools(LanguageRegistry.Entry language) {
            long newParser = NativeTreeSitter.parserNew(language.grammar());
            if (newParser == 0) {
                throw new IllegalStateException("the " + language.name() + " grammar's ABI version is not supported"
                        + " by this tree-sitter runtime");
            }
            long newCursor = NativeTreeSitter.cursorNew();
            this.parser = newParser;
            this.cursor = newCursor;
            NativeTreeSitter.CLEANER.register(this, () -> {
                NativeTreeSitter.parserDelete(newParser);
                NativeTreeSitter.cursorDelete(newCursor);
            });
        }

        ParseSession session(long deadlineNanos) {
            return new ParseSession(parser, cursor, deadlineNanos);
        }
    }
}
