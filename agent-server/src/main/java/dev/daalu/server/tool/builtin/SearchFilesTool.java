package dev.daalu.server.tool.builtin;

import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.tool.ToolSpec;

import java.io.IOException;

/**
 * {@code search_files {query, regex?, glob?, max_results?}}: the index's search, rendered like {@code rg}
 * ({@code path:line:column: text}, context lines as {@code path-line- text}), with the total count.
 *
 * <p>{@code pattern} is accepted as another name for {@code query}, because models trained on other agents
 * send it.
 */
public final class SearchFilesTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("search_files",
            "Search the workspace's text. An identifier (bucketPolicy) matches every naming style (bucket_policy, "
                    + "BucketPolicy, bucket-policy); other text matches exactly; regex=true for a regular expression. "
                    + "Returns path:line:column: text, best first, with the total number of matching lines.",
            Schemas.object()
                    .string("query", "Identifier, exact text, or (with regex=true) a regular expression")
                    .bool("regex", "Treat query as a regular expression (default false)")
                    .string("glob", "Only paths matching these comma-separated globs, e.g. *.tf, modules/**, *.{tf,tfvars}; "
                            + "!vendor/** leaves paths out")
                    .integer("max_results", "Most matches to return (default 20)", 1, 100)
                    .required("query").build(),
            Effect.READ);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        String query = args.optionalString("query");
        if (query == null) {
            query = args.optionalString("pattern");
        }
        if (query == null || query.isBlank()) {
            throw new ToolException("Argument 'query' is required (an identifier, exact text, or a regular expression with regex=true).");
        }
        boolean regex = args.optionalBoolean("regex", false);
        String glob = args.optionalString("glob");
        int cap = context.limits().maxSearchResults();
        int max = Math.min(args.optionalInt("max_results", Math.min(20, cap), 1, 100), cap);
        SearchQuery search;
        try {
            search = new SearchQuery(query, regex, glob, max, 1);
        } catch (IllegalArgumentException e) {
            throw new ToolException("Invalid search: " + e.getMessage());
        }
        int maxChars = context.limits().maxOutputChars();
        return Prepared.readOnly(cancel -> {
            SearchResults results;
            try {
                results = context.index().search(search);
            } catch (IOException e) {
                throw new ToolException("The search failed: " + e.getMessage());
            }
            if (results.error() != null) {
                throw new ToolException(results.error());
            }
            return render(search, results, maxChars);
        });
    }

    static ToolResult render(SearchQuery query, SearchResults results, int maxChars) {
        if (results.hits().isEmpty()) {
            StringBuilder none = new StringBuilder("No matches for ").append(describe(query)).append('.');
            if (!results.binaryFilesMatched().isEmpty()) {
                none.append(" Binary files match (content not shown): ").append(String.join(", ", results.binaryFilesMatched()));
            }
            return ToolResult.ok(none.toString());
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        boolean cut = false;
        for (SearchResults.SearchHit hit : results.hits()) {
            StringBuilder block = new StringBuilder();
            int line = hit.line() - hit.before().size();
            for (String before : hit.before()) {
                block.append(hit.path()).append('-').append(line++).append("- ").append(before).append('\n');
            }
            block.append(hit.location()).append(": ").append(hit.text()).append('\n');
            line = hit.line() + 1;
            for (String after : hit.after()) {
                block.append(hit.path()).append('-').append(line++).append("- ").append(after).append('\n');
            }
            if (out.length() + block.length() > maxChars && shown > 0) {
                cut = true;
                break;
            }
            out.append(block);
            shown++;
        }
        out.append('[').append(results.totalMatches()).append(" matching lines in ").append(results.filesMatched())
                .append(" files; ").append(shown).append(" shown");
        if (shown < results.totalMatches()) {
            out.append("; narrow the query or add a glob to see others");
        }
        out.append("]\n");
        if (!results.binaryFilesMatched().isEmpty()) {
            out.append("[binary files also match: ").append(String.join(", ", results.binaryFilesMatched())).append("]\n");
        }
        return ToolResult.ok(out.toString(), cut || results.truncated());
    }

    private static String describe(SearchQuery query) {
        return (query.regex() ? "regex " : "") + "'" + query.text() + "'" + (query.glob() == null ? "" : " in " + query.glob());
    }
}
