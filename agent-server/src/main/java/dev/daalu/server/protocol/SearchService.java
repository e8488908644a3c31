package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.util.concurrent.CompletableFuture;

/** {@code search/*}. */
@JsonSegment("search")
public interface SearchService {

    @JsonRequest
    CompletableFuture<SearchResult> query(SearchParams params);
}
