package dev.daalu.server.rpc.handler;

import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.SessionListParams;
import dev.daalu.server.protocol.SessionListResult;
import dev.daalu.server.rpc.RpcErrors;
import dev.daalu.server.rpc.ServerState;

import java.io.IOException;
import java.util.List;

/** {@code chat/sessions}: the stored sessions of the workspace, newest first. */
public final class SessionListHandler {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private final ServerState state;

    public SessionListHandler(ServerState state) {
        this.state = state;
    }

    public SessionListResult handle(SessionListParams params) {
        int limit = params == null || params.limit() == null ? DEFAULT_LIMIT : params.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RpcErrors.invalidParams("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        List<SessionStore.Summary> stored;
        try {
            stored = state.runtime().sessions().list(limit);
        } catch (IOException e) {
            throw RpcErrors.error(ErrorCodes.WORKSPACE_ERROR, "The sessions could not be listed: " + e.getMessage());
        }
        return new SessionListResult(stored.stream().map(s -> new SessionListResult.Session(s.id(), s.title(),
                s.createdAt().toString(), s.updatedAt().toString(), s.turns())).toList());
    }
}
