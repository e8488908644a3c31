package dev.daalu.server.rpc.handler;

import dev.daalu.indexer.IndexStatus;
import dev.daalu.server.protocol.IndexStatusResult;
import dev.daalu.server.rpc.ServerState;
import dev.daalu.server.runtime.TokenCountingStatus;
import dev.daalu.server.runtime.WorkspaceRuntime;

import java.util.Locale;

/** {@code index/status}: the index's state and counts, and how tokens are counted. */
public final class IndexStatusHandler {

    private final ServerState state;

    public IndexStatusHandler(ServerState state) {
        this.state = state;
    }

    public IndexStatusResult handle() {
        WorkspaceRuntime runtime = state.runtime();
        IndexStatus status = runtime.index().status();
        TokenCountingStatus counting = runtime.tokenCounting();
        return new IndexStatusResult(status.state().name().toLowerCase(Locale.ROOT),
                status.indexDir() == null ? null : status.indexDir().toString(),
                status.filesTotal(), status.textFiles(), status.binaryFiles(), status.parsedFiles(),
                status.parseSkipped(), status.lastPassMillis(),
                status.problems().stream().map(p -> new IndexStatusResult.Problem(p.path(), p.message())).toList(),
                new IndexStatusResult.TokenCounting(counting.exact() ? "exact" : "estimate", counting.detail()));
    }
}
