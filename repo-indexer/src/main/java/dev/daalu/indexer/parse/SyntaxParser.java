package dev.daalu.indexer.parse;

import java.util.Optional;

/**
 * Extracts definitions and references from source text.
 *
 * <p>Threading: thread-safe; each thread may parse concurrently. Never throws for bad input and never
 * takes the JVM down: a file the grammar cannot handle comes back with a {@link FileTags#skippedReason()}.
 *
 * <p>Example:
 * <pre>{@code
 * FileTags tags = parser.parse("modules/s3/main.tf", text);
 * tags.tags().stream().filter(Tag::isDefinition).forEach(t -> System.out.println(t.line() + " " + t.name()));
 * }</pre>
 */
public interface SyntaxParser {

    /** The language that would parse this path (by name and content conventions), if any. */
    Optional<String> languageFor(String relativePath);

    /**
     * Parses {@code text} (already decoded) of the file at {@code relativePath}.
     *
     * @return its tags, {@link FileTags#none()} when no grammar applies, or a skipped result
     */
    FileTags parse(String relativePath, String text);
}
