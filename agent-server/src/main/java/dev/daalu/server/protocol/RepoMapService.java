package dev.daalu.server.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.util.concurrent.CompletableFuture;

/** {@code repoMap/*}. */
@JsonSegment("repoMap")
public interface RepoMapService {

    @JsonRequest
    CompletableFuture<RepoMapResult> get(RepoMapParams params);
}
