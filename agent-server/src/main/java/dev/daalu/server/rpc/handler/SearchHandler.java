package dev.daalu.server.rpc.handler;

import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.SearchParams;
import dev.daalu.server.protocol.SearchResult;
import dev.daalu.server.rpc.RpcErrors;
import dev.daalu.server.rpc.ServerState;

import java.io.IOException;
import java.util.Locale;

/** {@code search/query}: a literal, identifier or regex search of the workspace. */
public final class SearchHandler {

    private final ServerState state;

    public SearchHandler(ServerState state) {
        this.state = state;
    }

    public SearchResult handle(SearchParams params) {
        SearchQuery query = query(params);
        SearchResults results;
        try {
            results = state.runtime().index().search(query);
        } catch (IOException e) {
            throw RpcErrors.error(ErrorCodes.WORKSPACE_ERROR, "The search failed: " + e.getMessage());
        }
        if (results.error() != null) {
            throw RpcErrors.invalidParams(results.error());
        }
        return new SearchResult(results.mode().name().toLowerCase(Locale.ROOT),
                results.hits().stream().map(h -> new SearchResult.Hit(h.path(), h.line(), h.column(), h.text(),
                        h.before(), h.after())).toList(),
                results.totalMatches(), results.filesMatched(), results.truncated(), results.binaryFilesMatched());
    }

    private static SearchQuery query(SearchParams params) {
        if (params == null || params.query() == null || params.query().isBlank()) {
            throw RpcErrors.invalidParams("search/query needs a non-blank 'query'");
        }
        int maxResults = params.maxResults() == null ? SearchQuery.DEFAULT_MAX_RESULTS : params.maxResults();
        if (maxResults < 1 || maxResults > SearchQuery.MAX_RESULTS_LIMIT) {
            throw RpcErrors.invalidParams("maxResults must be between 1 and " + SearchQuery.MAX_RESULTS_LIMIT
                    + ", not " + maxResults);
        }
        return new SearchQuery(params.query(), Boolean.TRUE.equals(params.regex()), params.glob(), maxResults,
                SearchQuery.DEFAULT_CONTEXT_LINES);
    }
}
