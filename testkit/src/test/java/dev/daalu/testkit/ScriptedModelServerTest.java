package dev.daalu.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ScriptedModelServerTest {

    private static final String STREAM_REQUEST = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(40) + "\"}]}";

    private final HttpClient client = HttpClient.newHttpClient();
    private ScriptedModelServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersToollessRequestsWithTheToollessStepWithoutUsingUpTheScript() throws Exception {
        server = ScriptedModelServer.start(new Script("m", 32768, false, List.of(Step.text("from the script")),
                Step.text("a summary")));
        String withTools = STREAM_REQUEST.replace("\"messages\"", "\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"read_file\",\"parameters\":{}}}],\"messages\"");

        String summary = send(STREAM_REQUEST).body();
        String scripted = send(withTools).body();

        assertTrue(summary.contains("summary"), summary);
        assertTrue(scripted.contains("script"), scripted);
        assertEquals(0, server.remainingSteps());
    }

    @Test
    void servesTheScriptedModelWithItsContextWindow() throws Exception {
        server = ScriptedModelServer.start(new Script("qwen2.5-coder-14b", 65536, false, List.of()));

        JsonObject models = JsonParser.parseString(get("/v1/models").body()).getAsJsonObject();

        JsonObject model = models.getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals("qwen2.5-coder-14b", model.get("id").getAsString());
        assertEquals(65536, model.get("max_model_len").getAsInt());
        assertEquals("vllm", model.get("owned_by").getAsString());
        assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1"), server.baseUrl());
    }

    @Test
    void replaysARecordingByteForByte() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.replay("model-servers/vllm/stream-tool-call-single.sse")));

        HttpResponse<byte[]> response = client.send(chat(STREAM_REQUEST), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(Fixtures.bytes("model-servers/vllm/stream-tool-call-single.sse"), response.body());
    }

    @Test
    void recordedErrorIsReplayedWithItsStatus() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.replay("model-servers/vllm/error-context-length.json", 400)));

        HttpResponse<String> response = send(STREAM_REQUEST);

        assertEquals(400, response.statusCode());
        assertEquals(Fixtures.text("model-servers/vllm/error-context-length.json"), response.body());
    }

    @Test
    void textStreamsOneChunkPerWordWithFinishUsageAndDone() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("The bucket is private.")));

        List<String> events = events(send(STREAM_REQUEST).body());

        assertEquals("[DONE]", events.get(events.size() - 1));
        List<JsonObject> chunks = chunks(events);
        assertEquals(List.of("", "The", " bucket", " is", " private.", ""), contents(chunks));
        assertEquals("stop", choice(chunks.get(chunks.size() - 2)).get("finish_reason").getAsString());
        JsonObject usage = chunks.get(chunks.size() - 1).getAsJsonObject("usage");
        assertEquals(0, chunks.get(chunks.size() - 1).getAsJsonArray("choices").size());
        assertEquals(10 + 4, usage.get("prompt_tokens").getAsInt(), "40 characters of one message, and its four template tokens");
        assertEquals(4, usage.get("completion_tokens").getAsInt());
    }

    @Test
    void noUsageChunkUnlessTheRequestAsksForIt() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("Done.")));

        List<JsonObject> chunks = chunks(events(send("{\"stream\":true,\"messages\":[]}").body()));

        assertTrue(chunks.stream().noneMatch(chunk -> chunk.has("usage")));
    }

    @Test
    void toolCallArgumentsStreamInFragmentsThatJoinToTheArguments() throws Exception {
        JsonObject arguments = JsonParser.parseString("{\"path\":\"main.tf\",\"content\":\"a && b\"}").getAsJsonObject();
        server = ScriptedModelServer.start(Script.of(new Step.ToolCalls(List.of(new Step.Call("write_file", arguments, null)),
                4, List.of(), Step.Delivery.DEFAULT)));

        List<JsonObject> chunks = chunks(events(send(STREAM_REQUEST).body()));

        JsonObject header = toolCalls(chunks.get(1)).get(0).getAsJsonObject();
        assertTrue(header.get("id").getAsString().startsWith("chatcmpl-tool-"));
        assertEquals("write_file", header.getAsJsonObject("function").get("name").getAsString());
        StringBuilder joined = new StringBuilder();
        for (JsonObject chunk : chunks.subList(2, 6)) {
            joined.append(toolCalls(chunk).get(0).getAsJsonObject().getAsJsonObject("function").get("arguments").getAsString());
        }
        assertEquals("{\"path\": \"main.tf\", \"content\": \"a && b\"}", joined.toString(), "vLLM's json.dumps spacing");
        assertEquals("tool_calls", choice(chunks.get(6)).get("finish_reason").getAsString());
    }

    @Test
    void ollamaDialectSendsEachCallWholeWithSortedGoEscapedArguments() throws Exception {
        JsonObject arguments = JsonParser.parseString("{\"path\":\"x\",\"content\":\"a && b\"}").getAsJsonObject();
        server = ScriptedModelServer.start(Script.of(Step.toolCall("write_file", arguments)
                .with(Step.Delivery.DEFAULT.dialect(Dialect.OLLAMA))));

        List<JsonObject> chunks = chunks(events(send(STREAM_REQUEST).body()));

        JsonObject call = toolCalls(chunks.get(1)).get(0).getAsJsonObject();
        assertTrue(call.get("id").getAsString().matches("call_[0-9a-f]{8}"), call.toString());
        assertEquals("{\"content\":\"a \\u0026\\u0026 b\",\"path\":\"x\"}",
                call.getAsJsonObject("function").get("arguments").getAsString());
        assertEquals("fp_ollama", chunks.get(0).get("system_fingerprint").getAsString());
        assertEquals("assistant", choice(chunks.get(1)).getAsJsonObject("delta").get("role").getAsString());
    }

    @Test
    void llamaCppDialectHasItsKeyOrderAndAnEmptyArgumentsHeader() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.toolCall("read_file", new JsonObject())
                .with(Step.Delivery.DEFAULT.dialect(Dialect.LLAMACPP))));

        List<String> events = events(send(STREAM_REQUEST).body());

        assertTrue(events.get(0).startsWith("{\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":null}}],\"created\":"), events.get(0));
        JsonObject header = toolCalls(chunks(events).get(1)).get(0).getAsJsonObject();
        assertEquals("", header.getAsJsonObject("function").get("arguments").getAsString());
    }

    @Test
    void requestThatDoesNotStreamGetsOneJsonBody() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.toolCall("read_file",
                JsonParser.parseString("{\"path\":\"a\"}").getAsJsonObject())));

        HttpResponse<String> response = send("{\"messages\":[]}");

        JsonObject message = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("choices").get(0)
                .getAsJsonObject().getAsJsonObject("message");
        assertTrue(message.get("content").isJsonNull());
        assertEquals("{\"path\": \"a\"}", message.getAsJsonArray("tool_calls").get(0).getAsJsonObject()
                .getAsJsonObject("function").get("arguments").getAsString());
    }

    @Test
    void errorStepAnswersItsStatusAndBody() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.error(503,
                JsonParser.parseString("{\"error\":{\"message\":\"Loading model\",\"code\":503}}"))));

        HttpResponse<String> response = send(STREAM_REQUEST);

        assertEquals(503, response.statusCode());
        assertEquals("Loading model", JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error")
                .get("message").getAsString());
    }

    @Test
    void cutStreamEndsAfterItsChunksWithoutFinishOrDone() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("one two three four").with(Step.Delivery.DEFAULT.cutAfter(3))));

        List<String> events = events(send(STREAM_REQUEST).body());

        assertEquals(3, events.size());
        assertFalse(events.contains("[DONE]"));
        assertTrue(chunks(events).stream().allMatch(chunk -> choice(chunk).get("finish_reason").isJsonNull()));
    }

    @Test
    void heldOpenStreamStaysOpenUntilTheClientLeavesAndRecordsTheDisconnect() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("one two three")
                .with(Step.Delivery.DEFAULT.cutAfter(2).thenHoldOpen())));

        HttpURLConnection connection = chatConnection(STREAM_REQUEST, 5000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(reader.readLine().startsWith("data: "));
            assertFalse(server.awaitDisconnect(Duration.ofMillis(300)), "still open while the client reads");
        }
        connection.disconnect();

        assertTrue(server.awaitDisconnect(Duration.ofSeconds(5)));
        assertEquals(1, server.disconnectCount());
    }

    @Test
    void delayBetweenChunksOutlastsAShortReadTimeout() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("slow").with(Step.Delivery.DEFAULT.delay(Duration.ofSeconds(5)))));

        HttpURLConnection connection = chatConnection(STREAM_REQUEST, 200);
        try (InputStream in = connection.getInputStream()) {
            assertThrows(SocketTimeoutException.class, in::read);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void recordsEveryRequestWithHeadersAndParsedBody() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("ok")));

        client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer TEST-token").POST(HttpRequest.BodyPublishers.ofString(STREAM_REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
        get("/health");

        assertEquals(2, server.requestCount());
        RecordedRequest chat = server.takeRequest(Duration.ofSeconds(1));
        assertEquals("POST", chat.method());
        assertEquals("/v1/chat/completions", chat.path());
        assertEquals("Bearer TEST-token", chat.header("authorization"));
        assertEquals(JsonParser.parseString(STREAM_REQUEST), chat.json());
        assertEquals("/health", server.takeRequest(Duration.ofSeconds(1)).path());
        assertNull(server.takeRequest(Duration.ofMillis(50)));
        assertEquals(1, server.chatRequests().size());
    }

    @Test
    void requestBeyondTheScriptIsAnErrorThatSaysSo() throws Exception {
        server = ScriptedModelServer.start(Script.of());

        HttpResponse<String> response = send(STREAM_REQUEST);

        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("no scripted step left"), response.body());
    }

    @Test
    void tokenizeCountsOnlyWhenEnabled() throws Exception {
        server = ScriptedModelServer.start(new Script("m", 8192, true, List.of()));
        HttpResponse<String> counted = client.send(HttpRequest.newBuilder(URI.create(root() + "/tokenize"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"12345678\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, JsonParser.parseString(counted.body()).getAsJsonObject().get("count").getAsInt());
        server.close();

        server = ScriptedModelServer.start(Script.of());
        HttpResponse<String> absent = client.send(HttpRequest.newBuilder(URI.create(root() + "/tokenize"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, absent.statusCode());
    }

    @Test
    void stepsCanBeAddedAndRequestsReadOverHttp() throws Exception {
        server = ScriptedModelServer.start(Script.of());

        HttpResponse<String> added = client.send(HttpRequest.newBuilder(URI.create(root() + "/_scripted/steps"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"steps\":[{\"type\":\"text\",\"text\":\"hi\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        send(STREAM_REQUEST);
        JsonObject received = JsonParser.parseString(get("/_scripted/requests").body()).getAsJsonObject();

        assertEquals(200, added.statusCode());
        assertEquals(1, received.get("count").getAsInt(), "admin calls are not recorded");
        assertEquals(1, received.get("chatCount").getAsInt());
        assertEquals(0, received.get("remainingSteps").getAsInt());
        assertEquals("m", received.getAsJsonArray("requests").get(0).getAsJsonObject().getAsJsonObject("body")
                .get("model").getAsString());
    }

    private String root() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(root() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest chat(String body) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(String body) throws IOException, InterruptedException {
        return client.send(chat(body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpURLConnection chatConnection(String body, int readTimeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.baseUrl() + "/chat/completions").toURL()
                .openConnection();
        connection.setReadTimeout(readTimeoutMillis);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        return connection;
    }

    /** The data of each event. */
    static List<String> events(String body) {
        List<String> events = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (event.startsWith("data: ")) {
                events.add(event.substring("data: ".length()));
            }
        }
        return events;
    }

    private static List<JsonObject> chunks(List<String> events) {
        return events.stream().filter(event -> !event.equals("[DONE]"))
                .map(event -> JsonParser.parseString(event).getAsJsonObject()).toList();
    }

    private static JsonObject choice(JsonObject chunk) {
        return chunk.getAsJsonArray("choices").get(0).getAsJsonObject();
    }

    private static JsonArray toolCalls(JsonObject chunk) {
        return choice(chunk).getAsJsonObject("delta").getAsJsonArray("tool_calls");
    }

    private static List<String> contents(List<JsonObject> chunks) {
        List<String> contents = new ArrayList<>();
        for (JsonObject chunk : chunks) {
            if (chunk.getAsJsonArray("choices").isEmpty()) {
                continue;
            }
            JsonElement content = choice(chunk).getAsJsonObject("delta").get("content");
            contents.add(content == null || content.isJsonNull() ? null : content.getAsString());
        }
        return contents;
    }
}
