package dev.daalu.server.rpc.handler;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.RepoMapParams;
import dev.daalu.server.protocol.RepoMapResult;
import dev.daalu.server.rpc.RpcErrors;
import dev.daalu.server.rpc.ServerState;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** {@code repoMap/get}: the ranked repo map within a token budget. */
public final class RepoMapHandler {

    private final ServerState state;

    public RepoMapHandler(ServerState state) {
        this.state = state;
    }

    public RepoMapResult handle(RepoMapParams params) {
        int maxTokens = params == null || params.maxTokens() == null ? RepoMapRequest.DEFAULT_MAX_TOKENS : params.maxTokens();
        if (maxTokens < RepoMapRequest.MIN_TOKENS || maxTokens > RepoMapRequest.MAX_TOKENS) {
            throw RpcErrors.invalidParams("maxTokens must be between " + RepoMapRequest.MIN_TOKENS + " and "
                    + RepoMapRequest.MAX_TOKENS + ", not " + maxTokens);
        }
        List<String> focus = params == null || params.focus() == null ? List.of()
                : params.focus().stream().filter(Objects::nonNull).filter(f -> !f.isBlank()).toList();
        RepoMap map;
        try {
            map = state.runtime().index().map(new RepoMapRequest(focus, maxTokens));
        } catch (IOException e) {
            throw RpcErrors.error(ErrorCodes.WORKSPACE_ERROR, "The repo map could not be built: " + e.getMessage());
        }
        return new RepoMapResult(map.text(), map.tokens(), map.maxTokens(),
                map.files().stream().map(RepoMap.MapFile::path).toList());
    }
}
