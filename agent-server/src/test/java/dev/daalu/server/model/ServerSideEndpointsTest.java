package dev.daalu.server.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServedModels, ContextWindowProbe and TokenCounter against the recorded side endpoints of each server. */
class ServerSideEndpointsTest {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("You are a coding agent."),
            ChatMessage.user("Run terraform validate"));

    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private ModelEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                MockResponse response = routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
                return response != null ? response : Recordings.response("model-servers/ollama/tokenize-not-found.txt", 404);
            }
        });
        server.start();
        endpoint = Recordings.endpoint(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void vllmReportsItsModelAndContextWindowInTheModelList() throws ModelError {
        route("GET /v1/models", "model-servers/vllm/models.json");

        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);
        ContextWindowProbe.ContextWindow window = new ContextWindowProbe(Recordings.http(), endpoint)
                .probe(served, "qwen2.5-coder-14b").orElseThrow();

        assertEquals(ServedModels.ServerKind.VLLM, served.kind());
        assertEquals(List.of("qwen2.5-coder-14b"), served.ids());
        assertEquals(32768, window.tokens());
        assertTrue(window.source().contains("max_model_len"), window.source());
    }

    @Test
    void unservedModelNamesTheModelAndWhatIsServed() throws ModelError {
        route("GET /v1/models", "model-servers/vllm/models.json");
        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);

        ModelError error = assertThrows(ModelError.class, () -> served.require("qwen2.5-coder-32b", endpoint));

        assertEquals(ModelError.Reason.MODEL_NOT_FOUND, error.reason());
        assertTrue(error.getMessage().contains("'qwen2.5-coder-32b'"), error.getMessage());
        assertTrue(error.getMessage().contains("it serves: qwen2.5-coder-14b"), error.getMessage());
    }

    @Test
    void vllmCountsChatMessagesExactlyAtTheServerRoot() throws Exception {
        route("POST /tokenize", "model-servers/vllm/tokenize-chat-response.json");
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder-14b",
                ServedModels.ServerKind.VLLM);

        int tokens = counter.count(MESSAGES, List.of());

        assertEquals(23, tokens);
        assertEquals(TokenCounter.Mode.EXACT, counter.mode());
        assertEquals("exact: vLLM /tokenize", counter.detail());
        assertEquals(Recordings.json("model-servers/vllm/tokenize-chat-request.json"), lastBody());
    }

    @Test
    void vllmCountsPlainTextWithThePromptForm() throws Exception {
        route("POST /tokenize", "model-servers/vllm/tokenize-response.json");
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder-14b",
                ServedModels.ServerKind.VLLM);

        assertEquals(11, counter.countText("resource \"aws_s3_bucket\" \"logs\" {"));
        JsonObject expected = Recordings.json("model-servers/vllm/tokenize-request.json").getAsJsonObject();
        expected.addProperty("add_special_tokens", false);
        assertEquals(expected, lastBody());
    }

    @Test
    void llamaCppReportsTheContextOfASlotAndCountsTheRenderedTemplate() throws Exception {
        route("GET /v1/models", "model-servers/llamacpp/models.json");
        route("GET /props", "model-servers/llamacpp/props.json");
        route("POST /apply-template", "model-servers/llamacpp/apply-template-response.json");
        route("POST /tokenize", "model-servers/llamacpp/tokenize-response.json");

        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);
        ContextWindowProbe.ContextWindow window = new ContextWindowProbe(Recordings.http(), endpoint)
                .probe(served, "qwen2.5-coder-14b").orElseThrow();
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder-14b", served.kind());
        int tokens = counter.count(MESSAGES, List.of());

        assertEquals(ServedModels.ServerKind.LLAMA_CPP, served.kind());
        assertEquals(32768, window.tokens());
        assertTrue(window.source().contains("/props"), window.source());
        assertEquals(11, tokens);
        assertEquals(Recordings.json("model-servers/llamacpp/apply-template-request.json"), body(received.size() - 2));
        String renderedPrompt = Recordings.json("model-servers/llamacpp/apply-template-response.json").getAsJsonObject()
                .get("prompt").getAsString();
        assertEquals(renderedPrompt, lastBody().get("content").getAsString());
        assertEquals("exact: llama.cpp /apply-template + /tokenize", counter.detail());
    }

    @Test
    void llamaCppPlainTextCountUsesTheContentForm() throws Exception {
        route("POST /tokenize", "model-servers/llamacpp/tokenize-response.json");
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder-14b",
                ServedModels.ServerKind.LLAMA_CPP);

        assertEquals(11, counter.countText("resource \"aws_s3_bucket\" \"logs\" {"));
        assertEquals(Recordings.json("model-servers/llamacpp/tokenize-request.json"), lastBody());
    }

    @Test
    void ollamaIsRecognisedByItsGreetingAndTellsTheContextOfTheLoadedModel() throws ModelError {
        route("GET /v1/models", "model-servers/ollama/models.json");
        route("GET /", "model-servers/ollama/root-health.txt");
        route("GET /api/ps", "model-servers/ollama/ps-response.json");

        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);
        ContextWindowProbe.ContextWindow window = new ContextWindowProbe(Recordings.http(), endpoint)
                .probe(served, "qwen2.5-coder:14b").orElseThrow();

        assertEquals(ServedModels.ServerKind.OLLAMA, served.kind());
        assertEquals(List.of("qwen3-coder:30b", "qwen2.5-coder:14b"), served.ids());
        assertEquals(4096, window.tokens());
        assertTrue(window.source().contains("/api/ps"), window.source());
    }

    @Test
    void ollamaModelNotLoadedIsAssumedToHaveTheDefaultContextAndSaysSo() throws ModelError {
        route("GET /v1/models", "model-servers/ollama/models.json");
        route("GET /", "model-servers/ollama/root-health.txt");
        routes.put("GET /api/ps", new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"models\":[]}").build());
        route("POST /api/show", "model-servers/ollama/show-response.json");

        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);
        ContextWindowProbe.ContextWindow window = new ContextWindowProbe(Recordings.http(), endpoint)
                .probe(served, "qwen2.5-coder:14b").orElseThrow();

        assertEquals(ContextWindowProbe.OLLAMA_DEFAULT_CONTEXT, window.tokens());
        assertTrue(window.source().startsWith("assumed:"), window.source());
        assertEquals(Recordings.json("model-servers/ollama/show-request.json"), lastBody());
    }

    @Test
    void ollamaCountsAreEstimatesCalibratedFromUsage() {
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder:14b",
                ServedModels.ServerKind.OLLAMA);
        ChatRequest request = new ChatRequest("qwen2.5-coder:14b", List.of(ChatMessage.user("x".repeat(1000))), List.of(),
                null, null);

        assertEquals(TokenCounter.Mode.ESTIMATE, counter.mode());
        assertEquals(286, counter.count(request.messages(), List.of()), "1000 chars at the default 3.5");
        counter.calibrate(request, new Usage(250, 5, 255));
        counter.calibrate(request, null);

        assertEquals(250, counter.count(request.messages(), List.of()));
        assertEquals("estimate: 4.0 chars per token from 1 response (Ollama has no tokenize endpoint)", counter.detail());
        assertEquals(0, received.size(), "an estimate asks no server");
    }

    @Test
    void serverWithoutTokenizeFallsBackToTheEstimateForGood() {
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "m", ServedModels.ServerKind.VLLM);

        int tokens = counter.countText("x".repeat(35));

        assertEquals(10, tokens);
        assertEquals(TokenCounter.Mode.ESTIMATE, counter.mode());
        assertTrue(counter.detail().contains("no /tokenize: HTTP 404"), counter.detail());
        counter.countText("again");
        assertEquals(1, received.size(), "the missing endpoint is asked once");
    }

    private void route(String key, String fixture) {
        routes.put(key, Recordings.response(fixture));
    }

    private JsonObject lastBody() {
        return body(received.size() - 1);
    }

    private JsonObject body(int index) {
        return JsonParser.parseString(received.get(index).getBody().utf8()).getAsJsonObject();
    }
}
