package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.protocol.ChatCancelParams;
import dev.daalu.server.protocol.ChatCancelResult;
import dev.daalu.server.protocol.ChatSendParams;
import dev.daalu.server.protocol.ChatSendResult;
import dev.daalu.server.protocol.ChatService;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.DaaluServer;
import dev.daalu.server.protocol.IndexService;
import dev.daalu.server.protocol.InitializeParams;
import dev.daalu.server.protocol.InitializeResult;
import dev.daalu.server.protocol.PingParams;
import dev.daalu.server.protocol.PingResult;
import dev.daalu.server.protocol.RepoMapService;
import dev.daalu.server.protocol.SearchService;
import dev.daalu.server.protocol.SessionListParams;
import dev.daalu.server.protocol.SessionListResult;
import dev.daalu.server.protocol.WorkspaceService;
import dev.daalu.server.rpc.handler.ChatSendHandler;
import dev.daalu.server.rpc.handler.IndexStatusHandler;
import dev.daalu.server.rpc.handler.InitializeHandler;
import dev.daalu.server.rpc.handler.RepoMapHandler;
import dev.daalu.server.rpc.handler.SearchHandler;
import dev.daalu.server.rpc.handler.SessionListHandler;
import dev.daalu.server.rpc.handler.TurnRegistry;
import dev.daalu.server.rpc.handler.WatchedFilesHandler;
import dev.daalu.server.runtime.WorkspaceOpener;
import dev.daalu.server.runtime.WorkspaceRuntime;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-RPC facade of one connection: binds each {@link DaaluServer} method to its handler and returns a future
 * at once. Work runs on {@link RpcExecutors}: requests on the request pool (through LSP4J's
 * {@link CompletableFutures#computeAsync}, so {@code $/cancelRequest} answers {@code -32800}), turns on the turn
 * pool, index updates on their scheduler. The reader thread only dispatches, so it is always free to read the
 * answer to an {@code approval/request}.
 *
 * <p>Lifecycle: construct, {@link #connect} the client proxy, serve; {@link #close()} when the connection ends.
 * Requests before {@code initialize} (except {@code agent/ping} and {@code shutdown}) answer
 * {@code SERVER_NOT_INITIALIZED}; after {@code shutdown}, {@code INVALID_REQUEST}.
 */
public final class RpcServer implements DaaluServer, AutoCloseable {

    /** How long shutdown waits for cancelled turns to wind down before closing the workspace under them. */
    static final Duration TURN_STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());

    private final RpcExecutors executors;
    private final ServerState state = new ServerState();
    private final TurnRegistry turns = new TurnRegistry();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final InitializeHandler initializeHandler;
    private final ChatSendHandler chatSendHandler;
    private final SessionListHandler sessionListHandler;
    private final RepoMapHandler repoMapHandler;
    private final SearchHandler searchHandler;
    private final IndexStatusHandler indexStatusHandler;
    private final WatchedFilesHandler watchedFilesHandler;
    private volatile DaaluClient client;
    private volatile boolean shutdownRequested;

    public RpcServer(WorkspaceOpener opener, RpcExecutors executors, Clock clock, SecretRedactor redactor) {
        this.executors = executors;
        Supplier<DaaluClient> clientRef = this::client;
        this.initializeHandler = new InitializeHandler(state, opener, clientRef, clock, Duration.ofMillis(250),
                new InitializeResult.ServerInfo("daalu", version()));
        this.chatSendHandler = new ChatSendHandler(state, turns, executors.turns(), clientRef, new RpcApprover(clientRef),
                redactor);
        this.sessionListHandler = new SessionListHandler(state);
        this.repoMapHandler = new RepoMapHandler(state);
        this.searchHandler = new SearchHandler(state);
        this.indexStatusHandler = new IndexStatusHandler(state);
        this.watchedFilesHandler = new WatchedFilesHandler(state, executors.indexUpdates(), Duration.ofMillis(200));
    }

    /** Sets the proxy for calls to the client; before the connection starts reading. */
    public void connect(DaaluClient remote) {
        this.client = Objects.requireNonNull(remote, "remote");
    }

    /** Completes with the exit code when the client sends {@code exit}: 0 after {@code shutdown}, 1 without. */
    public CompletableFuture<Integer> exitRequested() {
        return exit;
    }

    private DaaluClient client() {
        DaaluClient connected = client;
        if (connected == null) {
            throw new IllegalStateException("RpcServer.connect was not called");
        }
        return connected;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return async(cancel -> initializeHandler.handle(params));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        // set on the reader thread, so an exit read right after it sees it
        shutdownRequested = true;
        return async(cancel -> {
            stop();
            return null;
        });
    }

    @Override
    public CompletableFuture<PingResult> ping(PingParams params) {
        return CompletableFuture.completedFuture(new PingResult(params == null ? null : params.text(), state.isInitialized()));
    }

    @Override
    public void exit() {
        exit.complete(shutdownRequested ? 0 : 1);
    }

    @Override
    public ChatService chat() {
        return chat;
    }

    @Override
    public RepoMapService repoMap() {
        return params -> async(cancel -> repoMapHandler.handle(params));
    }

    @Override
    public SearchService search() {
        return params -> async(cancel -> searchHandler.handle(params));
    }

    @Override
    public IndexService index() {
        return () -> async(cancel -> indexStatusHandler.handle());
    }

    @Override
    public WorkspaceService workspace() {
        return watchedFilesHandler::accept;
    }

    private final ChatService chat = new ChatService() {
        @Override
        public CompletableFuture<ChatSendResult> send(ChatSendParams params) {
            return chatSendHandler.send(params);
        }

        @Override
        public CompletableFuture<ChatCancelResult> cancel(ChatCancelParams params) {
            return async(checker -> {
                if (params == null || params.sessionId() == null || params.sessionId().isBlank()) {
                    throw RpcErrors.invalidParams("chat/cancel needs the 'sessionId' whose turn to cancel");
                }
                state.runtime();
                return new ChatCancelResult(turns.cancel(params.sessionId()));
            });
        }

        @Override
        public CompletableFuture<SessionListResult> sessions(SessionListParams params) {
            return async(checker -> sessionListHandler.handle(params));
        }
    };

    /**
     * Ends the connection's work: cancels turns, closes the workspace, lets requests in flight (a {@code shutdown}
     * answering) finish, and stops the executors. Idempotent.
     */
    @Override
    public void close() {
        stop();
        executors.close();
    }

    private void stop() {
        WorkspaceRuntime runtime = state.shutDown();
        turns.close(TURN_STOP_WAIT);
        if (runtime != null) {
            try {
                runtime.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Closing the workspace failed", e);
            }
        }
    }

    private <T> CompletableFuture<T> async(Function<CancelChecker, T> work) {
        return CompletableFutures.computeAsync(executors.requests(), work);
    }

    private static String version() {
        String version = RpcServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
