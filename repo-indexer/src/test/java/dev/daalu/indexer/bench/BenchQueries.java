package dev.daalu.indexer.bench;

import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.search.IdentifierPattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A codebase's query set, read from {@code bench/indexer/queries/NAME.tsv}: one {@code kind<TAB>text} per line,
 * kind being {@code identifier}, {@code literal}, {@code phrase}, {@code high-hit} or {@code regex}, and one
 * {@code edit<TAB>path} line naming the file the edit-to-searchable measure appends to. Lines starting with '#'
 * are comments.
 *
 * @param editPath the file (relative to the root) that the edit measure appends a token to
 * @param queries the queries, in file order
 */
record BenchQueries(String editPath, List<Query> queries) {

    BenchQueries {
        queries = List.copyOf(queries);
    }

    /**
     * One query.
     *
     * @param kind the role in the set, as written in the file (reported beside the mode the index chose)
     * @param text the query text, or the pattern for {@code regex}
     */
    record Query(String kind, String text) {

        boolean regex() {
            return kind.equals("regex");
        }

        SearchQuery searchQuery() {
            return regex() ? SearchQuery.regex(text) : SearchQuery.of(text);
        }

        /**
         * The rg arguments that select the same lines as the index's mode: {@code -F} for a literal,
         * the same pattern for a regex, and for an identifier the case-insensitive cross-style pattern the
         * index itself runs (see {@link IdentifierPattern}). Counting is per line ({@code -c}), as
         * {@code totalMatches} is.
         */
        List<String> rgArguments() {
            return switch (searchQuery().mode()) {
                case LITERAL -> List.of("-F", "-e", text);
                case REGEX -> List.of("-e", text);
                case IDENTIFIER -> List.of("-i", "-e", IdentifierPattern.of(text).body());
            };
        }
    }

    static BenchQueries load(Path file) throws IOException {
        String edit = null;
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(file + ": expected kind<TAB>text, got: " + line);
            }
            String kind = line.substring(0, tab);
            String text = line.substring(tab + 1);
            if (kind.equals("edit")) {
                edit = text;
            } else {
                queries.add(new Query(kind, text));
            }
        }
        if (edit == null) {
            throw new IOException(file + ": no edit<TAB>path line");
        }
        return new BenchQueries(edit, queries);
    }
}
