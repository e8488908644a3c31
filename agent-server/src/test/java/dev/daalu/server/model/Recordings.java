package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.routing.ModelHttpClients;
import dev.daalu.testkit.Fixtures;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test support: recorded responses as MockWebServer responses, the recorded request, and assertions on them. */
final class Recordings {

    /** Short timeouts: a test that would hang fails within seconds instead. */
    static final ModelHttpClients.Timeouts TEST_TIMEOUTS =
            new ModelHttpClients.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));

    private static final OkHttpClient HTTP = ModelHttpClients.create(TEST_TIMEOUTS);

    private Recordings() {
    }

    /** The recording as the server sent it, with HTTP 200. */
    static MockResponse response(String fixture) {
        return response(fixture, 200);
    }

    static MockResponse response(String fixture, int status) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", Fixtures.contentType(fixture))
                .body(new Buffer().write(Fixtures.bytes(fixture)))
                .build();
    }

    static OkHttpClient http() {
        return HTTP;
    }

    static OpenAiChatClient client(MockWebServer server, boolean recoverTextToolCalls) {
        return new OpenAiChatClient(HTTP, endpoint(server), recoverTextToolCalls);
    }

    static ModelEndpoint endpoint(MockWebServer server) {
        return ModelEndpoint.of(server.url("/v1").toString());
    }

    /** The tools of {@code requests/chat-stream-tools.json}: read_file, search_files, write_file, run_command. */
    static List<ToolDefinition> recordedTools() {
        JsonObject request = json("model-servers/requests/chat-stream-tools.json").getAsJsonObject();
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonElement entry : request.getAsJsonArray("tools")) {
            JsonObject function = entry.getAsJsonObject().getAsJsonObject("function");
            tools.add(new ToolDefinition(function.get("name").getAsString(), function.get("description").getAsString(),
                    function.getAsJsonObject("parameters")));
        }
        return tools;
    }

    /** The recorded tools plus {@code list_dir}, which the hard cases use. */
    static List<ToolDefinition> caseTools() {
        List<ToolDefinition> tools = new ArrayList<>(recordedTools());
        tools.add(new ToolDefinition("list_dir", "List a directory.", JsonParser.parseString(
                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}")
                .getAsJsonObject()));
        return tools;
    }

    /** A first turn offering {@code tools}, with an optional max_tokens. */
    static ChatRequest request(List<ToolDefinition> tools, Integer maxTokens) {
        return new ChatRequest("qwen2.5-coder-14b", List.of(
                ChatMessage.system("You are a coding agent working in a Terraform repository."),
                ChatMessage.user("Check main.tf and tell me what it configures.")), tools, maxTokens, null);
    }

    static ChatRequest request() {
        return request(caseTools(), null);
    }

    static JsonElement json(String fixture) {
        return JsonParser.parseString(Fixtures.text(fixture));
    }

    /** Compares arguments as parsed JSON: servers format the same arguments differently. */
    static void assertArguments(String expectedJson, ToolCall call) {
        assertEquals(JsonParser.parseString(expectedJson), call.argumentsObject().orElseThrow(
                () -> new AssertionError("arguments of " + call.name() + " are not a JSON object: " + call.arguments())));
    }

    static void assertCall(String name, String expectedArguments, ToolCall call) {
        assertEquals(name, call.name());
        assertArguments(expectedArguments, call);
    }

    /** Collects what a client streamed. */
    static final class StreamRecorder implements ChatStreamListener {
        final List<String> content = new ArrayList<>();
        final List<String> reasoning = new ArrayList<>();

        @Override
        public void onContent(String delta) {
            content.add(delta);
        }

        @Override
        public void onReasoning(String delta) {
            reasoning.add(delta);
        }

        String content() {
            return String.join("", content);
        }

        String reasoning() {
            return String.join("", reasoning);
        }
    }
}
