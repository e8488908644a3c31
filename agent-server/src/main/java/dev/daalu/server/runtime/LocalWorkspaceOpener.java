package dev.daalu.server.runtime;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndexer;
import dev.daalu.server.agent.AgentConfig;
import dev.daalu.server.agent.AgentLoop;
import dev.daalu.server.agent.PromptBuilder;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.approval.ApprovalGate;
import dev.daalu.server.config.ConfigException;
import dev.daalu.server.config.ConfigLoader;
import dev.daalu.server.config.DaaluConfig;
import dev.daalu.server.routing.CatalogModel;
import dev.daalu.server.routing.ModelCatalog;
import dev.daalu.server.routing.ModelHttpClients;
import dev.daalu.server.routing.PerimeterInterceptor;
import dev.daalu.server.routing.RoutedModels;
import dev.daalu.server.routing.RoutingSetup;
import dev.daalu.server.routing.TierRouter;
import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolRegistry;
import dev.daalu.server.workspace.AtomicWriter;
import dev.daalu.server.workspace.CommandRunner;
import dev.daalu.server.workspace.Workspace;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The composition root: opens a workspace on this machine with everything wired as the product runs it.
 * Configuration comes from {@link ConfigLoader}; the tiers file and the user's own endpoint make the
 * {@link TierRouter}; every model call goes through {@link RoutedModels} over one perimeter-guarded HTTP client.
 * State (sessions, the write journal) lives under the state directory, keyed by the workspace's real path.
 */
public final class LocalWorkspaceOpener implements WorkspaceOpener {

    static final int COMMAND_OUTPUT_BYTES = 256 * 1024;

    private final Map<String, String> env;
    private final ConfigLoader.Overrides overrides;
    private final Clock clock;

    public LocalWorkspaceOpener(Map<String, String> env, ConfigLoader.Overrides overrides, Clock clock) {
        this.env = Map.copyOf(env);
        this.overrides = overrides;
        this.clock = clock;
    }

    @Override
    public WorkspaceRuntime open(Path root, IndexListener progress) throws IOException {
        DaaluConfig config;
        try {
            config = new ConfigLoader(env).load(root, overrides);
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        Workspace workspace = Workspace.open(root);
        Path state = config.stateDir().resolve("workspaces").resolve(key(workspace.root()));
        FirstPassIndex index = new FirstPassIndex(new WarmedMapIndex(RepoIndexer.builder().root(workspace.root())
                .config(IndexConfig.defaults())
                .environment(env, Path.of(env.getOrDefault("HOME", System.getProperty("user.home")))).clock(clock).build()));
        AtomicWriter writer = new AtomicWriter(state.resolve("writes.journal"));
        writer.cleanLeftovers();
        IndexFeeder feeder = new IndexFeeder(index);

        RoutingSetup routing = RoutingSetup.of(config, ModelCatalog.bundled());
        TierRouter router = routing.router();
        CatalogModel model = routing.model();
        OkHttpClient http = ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT,
                new PerimeterInterceptor(router.allowedOrigins()));
        RoutedModels models = new RoutedModels(router, model, http, config.contextWindow());

        ToolRegistry tools = ToolRegistry.builtin();
        ToolContext context = new ToolContext(workspace, index, writer, new CommandRunner(COMMAND_OUTPUT_BYTES),
                OutputLimits.forContextWindow(model.contextWindow()), config.commandTimeoutSeconds(), feeder);
        SessionStore sessions = new SessionStore(state.resolve("sessions"), clock);
        AgentLoop agent = new AgentLoop(models, tools, context,
                new ApprovalGate(Duration.ofMinutes(config.approvalTimeoutMinutes())),
                new PromptBuilder(workspace.root(), index), sessions,
                AgentConfig.defaults().withMaxSteps(config.maxSteps()));

        feeder.refreshInBackground(progress, index::firstPassEnded);
        CompletableFuture.runAsync(models::check);
        return new LocalWorkspaceRuntime(workspace.root(), index, agent, sessions, tools, models, router, routing.notes(), feeder);
    }

    /** {@code <name>-<hash of the real path>}: one state directory per workspace. */
    static String key(Path realRoot) {
        String name = realRoot.getFileName() == null ? "root" : realRoot.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(realRoot.toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
