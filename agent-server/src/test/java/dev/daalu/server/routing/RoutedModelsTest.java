package dev.daalu.server.routing;

import dev.daalu.server.agent.ModelTarget;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ChatStreamListener;
import dev.daalu.server.model.ModelError;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutedModelsTest {

    private final ModelCatalog catalog = ModelCatalog.bundled();
    private final CatalogModel small = catalog.find("qwen2.5-coder-14b-awq").orElseThrow();

    private static Tier tier(String id, TierKind kind, String url) {
        return new Tier(id, kind, URI.create(url), true, List.of(new Tier.Gpu("L4", 24)), null);
    }

    private static OkHttpClient guarded(TierRouter router) {
        return ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT, new PerimeterInterceptor(router.allowedOrigins()));
    }

    @Test
    void sendsEveryRequestToTheChosenTierWithTheServedNameAndTheCatalogWindow() throws Exception {
        try (ScriptedModelServer ownGpu = ScriptedModelServer.start(new Script("qwen2.5-coder-14b", 32768, false, List.of(Step.text("Hello."))))) {
            TierRouter router = new TierRouter(List.of(tier("mine", TierKind.OWN_GPU, ownGpu.baseUrl())), catalog);
            RoutedModels models = new RoutedModels(router, small, guarded(router), null);

            ModelTarget target = models.select();
            ChatCompletion answer = target.client().complete(new ChatRequest(target.servedModel(),
                    List.of(ChatMessage.user("hi")), List.of(), target.maxAnswerTokens(), null), ChatStreamListener.NONE, CancelToken.none());

            assertEquals("qwen2.5-coder-14b", target.servedModel());
            assertEquals(8192, target.contextWindow(), "the catalog's window is smaller than the server's 32768");
            assertEquals("Hello.", answer.content());
            assertEquals("qwen2.5-coder-14b", ownGpu.chatRequests().get(0).jsonObject().get("model").getAsString());
        }
    }

    @Test
    void saysClearlyWhenTheTierDoesNotServeTheChosenModel() throws Exception {
        try (ScriptedModelServer ownGpu = ScriptedModelServer.start(new Script("llama-3-70b", 8192, false, List.of()))) {
            TierRouter router = new TierRouter(List.of(tier("mine", TierKind.OWN_GPU, ownGpu.baseUrl())), catalog);

            ModelError e = assertThrows(ModelError.class, () -> new RoutedModels(router, small, guarded(router), null).select());

            assertEquals(ModelError.Reason.MODEL_NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("does not serve Qwen2.5-Coder 14B AWQ-INT4") && e.getMessage().contains("it serves: llama-3-70b"),
                    e.getMessage());
        }
    }

    @Test
    void anExternalTierAndAStrayUrlReceiveNothingEvenWhenEveryAllowedTierIsDown() throws Exception {
        try (ScriptedModelServer external = ScriptedModelServer.start(new Script("qwen2.5-coder-14b", 32768, false, List.of(Step.text("leaked"))));
             ScriptedModelServer stray = ScriptedModelServer.start(Script.of(Step.text("leaked")))) {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            TierRouter router = new TierRouter(List.of(
                    tier("mine", TierKind.OWN_GPU, "http://127.0.0.1:" + closedPort + "/v1"),
                    tier("openai", TierKind.EXTERNAL, external.baseUrl())), catalog);
            OkHttpClient http = guarded(router);
            RoutedModels models = new RoutedModels(router, small, http, null);

            ModelError down = assertThrows(ModelError.class, models::select);
            IOException refused = assertThrows(IOException.class,
                    () -> http.newCall(new Request.Builder().url(stray.baseUrl() + "/chat/completions").build()).execute());

            assertEquals(ModelError.Reason.CONNECTION, down.reason());
            assertTrue(refused.getMessage().contains("not an allowed in-perimeter inference tier"));
            assertEquals(0, external.requestCount());
            assertEquals(0, stray.requestCount());
        }
    }

    @Test
    void noAllowedTierMeansAClearErrorAndNoRequest() throws Exception {
        try (ScriptedModelServer external = ScriptedModelServer.start(Script.of(Step.text("leaked")))) {
            TierRouter router = new TierRouter(List.of(tier("openai", TierKind.EXTERNAL, external.baseUrl())), catalog);

            ModelError e = assertThrows(ModelError.class, () -> new RoutedModels(router, small, guarded(router), null).select());

            assertEquals(ModelError.Reason.NOT_CONFIGURED, e.reason());
            assertTrue(e.getMessage().startsWith("No in-perimeter inference tier is configured"));
            assertEquals(0, external.requestCount());
        }
    }
}
