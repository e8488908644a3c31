package dev.daalu.server.rpc.handler;

import dev.daalu.server.agent.Session;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.agent.TurnOutcome;
import dev.daalu.server.approval.Approver;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.protocol.ChatSendParams;
import dev.daalu.server.protocol.ChatSendResult;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.rpc.RpcErrors;
import dev.daalu.server.rpc.ServerState;
import dev.daalu.server.runtime.WorkspaceRuntime;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * {@code chat/send}: runs one turn on the turn executor and completes with its outcome.
 *
 * <p>{@link #send} returns at once, before any I/O, so the reader thread never waits; the session is created or
 * loaded, and the turn run, on the turn executor. The turn's events go out as notifications while it runs (see
 * {@link RpcTurnListener}), and the response after the last of them.
 *
 * <p>Cancelling: {@code chat/cancel} cancels the turn's {@link CancelToken} and the result says {@code cancelled}.
 * A {@code $/cancelRequest} for the {@code chat/send} does the same, and the request then ends with {@code -32800};
 * either way the response comes only after the turn has wound down (stream closed, command killed, approvals
 * withdrawn), so no event of a turn ever follows its response.
 */
public final class ChatSendHandler {

    private final ServerState state;
    private final TurnRegistry turns;
    private final Executor turnExecutor;
    private final Supplier<DaaluClient> client;
    private final Approver approver;
    private final SecretRedactor redactor;

    public ChatSendHandler(ServerState state, TurnRegistry turns, Executor turnExecutor, Supplier<DaaluClient> client,
                           Approver approver, SecretRedactor redactor) {
        this.state = state;
        this.turns = turns;
        this.turnExecutor = turnExecutor;
        this.client = client;
        this.approver = approver;
        this.redactor = redactor;
    }

    public CompletableFuture<ChatSendResult> send(ChatSendParams params) {
        TurnFuture future = new TurnFuture();
        try {
            turnExecutor.execute(() -> future.run(params));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(RpcErrors.error(ErrorCodes.INVALID_REQUEST, "The server is shutting down"));
        }
        return future;
    }

    private ChatSendResult runTurn(ChatSendParams params, CancelToken cancel, TurnFuture done) {
        String message = params == null ? null : params.message();
        if (message == null || message.isBlank()) {
            throw RpcErrors.invalidParams("chat/send needs a non-blank 'message'");
        }
        WorkspaceRuntime runtime = state.runtime();
        Session session = openSession(runtime.sessions(), params.sessionId());
        String turnId = UUID.randomUUID().toString();
        TurnRegistry.RunningTurn running = turns.register(session.id(), turnId, done::cancelTurn, done);
        try {
            TurnOutcome outcome = runtime.agent().runTurn(session.id(), turnId, message,
                    new RpcTurnListener(client.get(), session.id(), turnId, done.lock), approver, cancel);
            return result(session.id(), turnId, outcome);
        } finally {
            turns.unregister(running);
        }
    }

    private static Session openSession(SessionStore sessions, String sessionId) {
        try {
            if (sessionId == null) {
                return sessions.create();
            }
            if (!SessionStore.isValidId(sessionId)) {
                throw notFound(sessionId);
            }
            return sessions.get(sessionId);
        } catch (NoSuchFileException e) {
            throw notFound(sessionId);
        } catch (IOException e) {
            throw RpcErrors.error(ErrorCodes.WORKSPACE_ERROR, "The session could not be "
                    + (sessionId == null ? "created" : "loaded") + ": " + e.getMessage());
        }
    }

    private static ResponseErrorException notFound(String sessionId) {
        String shown = sessionId.length() > 80 ? sessionId.substring(0, 80) + "..." : sessionId;
        return RpcErrors.error(ErrorCodes.SESSION_NOT_FOUND, "No session '" + shown
                + "'; chat/sessions lists the stored ones, and a null sessionId starts a new one");
    }

    private ChatSendResult result(String sessionId, String turnId, TurnOutcome outcome) {
        String kind = switch (outcome.kind()) {
            case COMPLETED -> ChatSendResult.COMPLETED;
            case CANCELLED -> ChatSendResult.CANCELLED;
            case ERROR -> ChatSendResult.ERROR;
            case STEP_LIMIT -> ChatSendResult.STEP_LIMIT;
            case LOOP_DETECTED -> ChatSendResult.LOOP_DETECTED;
        };
        if (outcome.kind() == TurnOutcome.Kind.ERROR) {
            return new ChatSendResult(sessionId, turnId, kind, redactor.redact(outcome.text()),
                    RpcErrors.errorInfo(outcome.error(), outcome.text(), redactor), outcome.steps());
        }
        return new ChatSendResult(sessionId, turnId, kind, outcome.text(), null, outcome.steps());
    }

    /**
     * The future of one {@code chat/send}. LSP4J cancels it on {@code $/cancelRequest}; instead of completing at
     * once, that cancels the turn, and the future completes as cancelled when the turn has ended.
     *
     * <p>Cancelling runs the token's hooks on the cancelling thread (withdrawing an approval sends
     * {@code approval/withdrawn}) while the turn's thread may already go on; the turn's events and its answer wait
     * for the hooks on {@link #lock}, so the withdrawal comes first and no event of the turn follows its answer.
     */
    private final class TurnFuture extends CompletableFuture<ChatSendResult> {
        private final CancelToken cancel = new CancelToken();
        private final Object lock = new Object();
        private volatile boolean cancelRequested;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return false;
            }
            cancelRequested = true;
            cancelTurn();
            return true;
        }

        void cancelTurn() {
            synchronized (lock) {
                cancel.cancel();
            }
        }

        void run(ChatSendParams params) {
            Throwable failure = null;
            ChatSendResult result = null;
            try {
                result = runTurn(params, cancel, this);
            } catch (RuntimeException e) {
                // a ResponseErrorException is answered as it is; RpcErrors.handler logs anything else and answers
                // an internal error without the stack trace
                failure = e;
            }
            synchronized (lock) {
                if (cancelRequested && (failure instanceof ResponseErrorException
                        || result != null && ChatSendResult.CANCELLED.equals(result.outcome()))) {
                    completeExceptionally(new CancellationException("chat/send was cancelled"));
                } else if (failure != null) {
                    completeExceptionally(failure);
                } else {
                    complete(result);
                }
            }
        }
    }
}
