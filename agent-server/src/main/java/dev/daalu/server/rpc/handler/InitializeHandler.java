package dev.daalu.server.rpc.handler;

import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.InitializeParams;
import dev.daalu.server.protocol.InitializeResult;
import dev.daalu.server.rpc.ProgressReporter;
import dev.daalu.server.rpc.RpcErrors;
import dev.daalu.server.rpc.ServerState;
import dev.daalu.server.runtime.ModelStatus;
import dev.daalu.server.runtime.WorkspaceOpener;
import dev.daalu.server.runtime.WorkspaceRuntime;
import dev.daalu.server.tool.ToolRegistry;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code initialize}: opens the workspace through the {@link WorkspaceOpener}, whose first index pass reports
 * {@code $/progress} (token {@value #PROGRESS_TOKEN}), and answers what the server offers and which model it uses.
 */
public final class InitializeHandler {

    static final String PROGRESS_TOKEN = "index-1";

    private static final Logger LOG = Logger.getLogger(InitializeHandler.class.getName());

    private final ServerState state;
    private final WorkspaceOpener opener;
    private final Supplier<DaaluClient> client;
    private final Clock clock;
    private final Duration progressInterval;
    private final InitializeResult.ServerInfo serverInfo;

    public InitializeHandler(ServerState state, WorkspaceOpener opener, Supplier<DaaluClient> client, Clock clock,
                             Duration progressInterval, InitializeResult.ServerInfo serverInfo) {
        this.state = state;
        this.opener = opener;
        this.client = client;
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.serverInfo = serverInfo;
    }

    public InitializeResult handle(InitializeParams params) {
        Path root = root(params);
        state.beginInitialize();
        WorkspaceRuntime runtime;
        try {
            runtime = opener.open(root, new ProgressReporter(client, PROGRESS_TOKEN, clock, progressInterval));
            state.initialized(runtime);
        } catch (IOException e) {
            state.initializeFailed();
            throw RpcErrors.error(ErrorCodes.WORKSPACE_ERROR, "The workspace " + root + " could not be opened: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            state.initializeFailed();
            throw e;
        }
        if (params.clientInfo() != null) {
            LOG.info("Initialized " + runtime.root() + " for " + params.clientInfo().name() + " " + params.clientInfo().version());
        }
        return result(runtime);
    }

    private InitializeResult result(WorkspaceRuntime runtime) {
        ModelStatus status = runtime.modelStatus();
        ModelStatus.Model model = status.model();
        ModelStatus.Routing routing = status.routing();
        ToolRegistry tools = runtime.tools();
        return new InitializeResult(serverInfo,
                model == null ? null : new InitializeResult.ModelInfo(model.id(), model.displayName(), model.servedName(),
                        model.contextWindow()),
                routing == null ? null : new InitializeResult.RoutingInfo(routing.eligible(), routing.tierId(),
                        routing.tierKind(), routing.endpoint(), routing.reason()),
                new InitializeResult.Capabilities(tools.names(), tools.approvalNames(), true, true));
    }

    private static Path root(InitializeParams params) {
        String given = params == null ? null : params.workspaceRoot();
        if (given == null || given.isBlank()) {
            throw RpcErrors.invalidParams("initialize needs 'workspaceRoot': the absolute path of the workspace folder");
        }
        Path path;
        try {
            path = given.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(given)) : Path.of(given);
        } catch (IllegalArgumentException e) {
            throw RpcErrors.invalidParams("workspaceRoot '" + given + "' is not a path or file:// URI: " + e.getMessage());
        }
        if (!path.isAbsolute()) {
            throw RpcErrors.invalidParams("workspaceRoot must be absolute, not '" + given + "'");
        }
        return path.normalize();
    }
}
