package dev.daalu.server.routing;

import dev.daalu.server.agent.ModelSelection;
import dev.daalu.server.agent.ModelTarget;
import dev.daalu.server.agent.PromptTokens;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ContextWindowProbe;
import dev.daalu.server.model.ModelEndpoint;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.OpenAiChatClient;
import dev.daalu.server.model.ServedModels;
import dev.daalu.server.model.TokenCounter;
import dev.daalu.server.model.ToolDefinition;
import dev.daalu.server.model.Usage;
import okhttp3.OkHttpClient;

import java.util.List;
import java.util.Optional;

/**
 * The model every call of every turn goes to: the catalog model the workspace chose, on the tier the
 * {@link TierRouter} picks for it. Chat turns, history condensing and token counting all use the target this
 * returns, over the one HTTP client that carries the {@link PerimeterInterceptor}.
 *
 * <p>On first use of a tier it checks that the tier's {@code /v1/models} lists the model (under one of its
 * catalog names), learns its context window, and sets up exact token counting where the server can; a failure is
 * a clear {@link ModelError} and is tried again on the next call. Thread-safe.
 */
public final class RoutedModels implements ModelSelection {

    private final TierRouter router;
    private final CatalogModel model;
    private final OkHttpClient http;
    private final Integer windowCap;
    private volatile Connected connected;
    private volatile String lastProblem;

    /**
     * @param http the perimeter-guarded client ({@link ModelHttpClients#create(ModelHttpClients.Timeouts, okhttp3.Interceptor)})
     * @param windowCap a smaller context window the user configured, or null
     */
    public RoutedModels(TierRouter router, CatalogModel model, OkHttpClient http, Integer windowCap) {
        this.router = router;
        this.model = model;
        this.http = http;
        this.windowCap = windowCap;
    }

    @Override
    public ModelTarget select() throws ModelError {
        RoutingDecision decision = router.decide(model);
        if (!decision.canServe()) {
            throw new ModelError(ModelError.Reason.NOT_CONFIGURED, null, decision.reason());
        }
        Connected current = connected;
        if (current != null && current.tier().id().equals(decision.tier().id())) {
            return current.target();
        }
        try {
            Connected fresh = connect(decision.tier());
            connected = fresh;
            lastProblem = null;
            return fresh.target();
        } catch (ModelError e) {
            lastProblem = e.getMessage();
            throw e;
        }
    }

    /** Checks the tier now, so a host can report a missing model at start; never throws. */
    public void check() {
        try {
            select();
        } catch (ModelError e) {
            // kept in lastProblem for the status
        }
    }

    public CatalogModel model() {
        return model;
    }

    public RoutingDecision decision() {
        return router.decide(model);
    }

    /** The reason the last connection attempt failed, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    /** The served name and context window in use, once connected. */
    public Optional<ModelTarget> current() {
        Connected current = connected;
        return current == null ? Optional.empty() : Optional.of(current.target());
    }

    /** How tokens are counted now: exact through the tier's tokenizer, or estimated. */
    public String tokenCountingDetail() {
        Connected current = connected;
        return current == null ? "estimate (no tier connected yet)" : current.counter().detail();
    }

    public boolean tokenCountingExact() {
        Connected current = connected;
        return current != null && current.counter().mode() == TokenCounter.Mode.EXACT;
    }

    private Connected connect(Tier tier) throws ModelError {
        ModelEndpoint endpoint = new ModelEndpoint(tier.baseUrl().toString(), tier.apiKey());
        ServedModels served = ServedModels.fetch(http, endpoint);
        String servedName = model.servedNames().stream().filter(name -> served.find(name).isPresent()).findFirst()
                .orElseThrow(() -> new ModelError(ModelError.Reason.MODEL_NOT_FOUND, endpoint.baseUrl(),
                        "Tier '" + tier.id() + "' (" + endpoint.baseUrl() + ") does not serve " + model.displayName()
                                + " (looked for " + String.join(", ", model.servedNames()) + "); it serves: "
                                + (served.ids().isEmpty() ? "nothing" : String.join(", ", served.ids()))
                                + ". Start the model there, or choose another model."));
        int window = model.contextWindow();
        if (windowCap != null) {
            window = Math.min(window, windowCap);
        }
        Optional<ContextWindowProbe.ContextWindow> reported;
        try {
            reported = new ContextWindowProbe(http, endpoint).probe(served, servedName);
        } catch (ModelError e) {
            reported = Optional.empty(); // an unknown window: the catalog's stands
        }
        if (reported.isPresent()) {
            window = Math.min(window, reported.get().tokens());
        }
        TokenCounter counter = TokenCounter.forServer(http, endpoint, servedName, served.kind());
        OpenAiChatClient client = new OpenAiChatClient(http, endpoint, model.textToolCallFallback());
        int answer = Math.min(model.maxAnswerTokens(), window / 4);
        return new Connected(tier, counter, new ModelTarget(client, servedName, window, answer, new CountingTokens(counter)));
    }

    private record Connected(Tier tier, TokenCounter counter, ModelTarget target) { }

    /** The tier's token counter as the agent's budget port. */
    private record CountingTokens(TokenCounter counter) implements PromptTokens {
        @Override
        public int count(List<ChatMessage> messages, List<ToolDefinition> tools) {
            return counter.count(messages, tools);
        }

        @Override
        public void calibrate(ChatRequest request, Usage usage) {
            counter.calibrate(request, usage);
        }
    }
}
