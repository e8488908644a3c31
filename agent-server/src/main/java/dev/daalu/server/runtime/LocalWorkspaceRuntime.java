package dev.daalu.server.runtime;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.agent.Agent;
import dev.daalu.server.agent.ModelTarget;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.routing.CatalogModel;
import dev.daalu.server.routing.RoutedModels;
import dev.daalu.server.routing.RoutingDecision;
import dev.daalu.server.routing.TierRouter;
import dev.daalu.server.tool.ToolRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A workspace opened by {@link LocalWorkspaceOpener}. */
final class LocalWorkspaceRuntime implements WorkspaceRuntime {

    private final Path root;
    private final RepoIndex index;
    private final Agent agent;
    private final SessionStore sessions;
    private final ToolRegistry tools;
    private final RoutedModels models;
    private final TierRouter router;
    private final List<String> notes;
    private final IndexFeeder feeder;

    LocalWorkspaceRuntime(Path root, RepoIndex index, Agent agent, SessionStore sessions, ToolRegistry tools,
                          RoutedModels models, TierRouter router, List<String> notes, IndexFeeder feeder) {
        this.root = root;
        this.index = index;
        this.agent = agent;
        this.sessions = sessions;
        this.tools = tools;
        this.models = models;
        this.router = router;
        this.notes = List.copyOf(notes);
        this.feeder = feeder;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public RepoIndex index() {
        return index;
    }

    @Override
    public Agent agent() {
        return agent;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ToolRegistry tools() {
        return tools;
    }

    @Override
    public ModelStatus modelStatus() {
        CatalogModel model = models.model();
        Optional<ModelTarget> current = models.current();
        ModelStatus.Model shown = new ModelStatus.Model(model.id(), model.displayName(),
                current.map(ModelTarget::servedModel).orElse(model.servedNames().get(0)),
                current.map(ModelTarget::contextWindow).orElse(model.contextWindow()));
        RoutingDecision decision = models.decision();
        StringBuilder reason = new StringBuilder(decision.reason());
        if (decision.canServe() && models.lastProblem() != null) {
            reason.append(" But: ").append(models.lastProblem());
        }
        for (String note : notes) {
            reason.append(" Note: ").append(note).append('.');
        }
        ModelStatus.Routing routing = decision.canServe()
                ? new ModelStatus.Routing(router.eligible(), decision.tier().id(), decision.tier().kind().wire(),
                        decision.tier().baseUrl().toString(), reason.toString())
                : new ModelStatus.Routing(router.eligible(), null, null, null, reason.toString());
        return new ModelStatus(decision.canServe() ? shown : null, routing);
    }

    @Override
    public TokenCountingStatus tokenCounting() {
        return new TokenCountingStatus(models.tokenCountingExact(), models.tokenCountingDetail());
    }

    @Override
    public void close() throws IOException {
        feeder.close();
        index.close();
    }
}
