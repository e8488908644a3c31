package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.concurrent.CancelToken;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The request body the client sends, compared with the recorded requests the fixtures answer. */
class ChatRequestEncodingTest extends ReplayTest {

    private static final String SYSTEM = "You are a coding agent working in a Terraform repository. Use the tools to"
            + " inspect and change files.";
    private static final String USER = "Check main.tf and tell me what it configures.";

    @Test
    void firstTurnMatchesTheRecordedRequest() throws Exception {
        ChatRequest request = new ChatRequest("qwen2.5-coder-14b",
                List.of(ChatMessage.system(SYSTEM), ChatMessage.user(USER)), Recordings.recordedTools(), 4096, 0.2);

        RecordedRequest sent = send(request, null);

        assertEquals("POST", sent.getMethod());
        assertEquals("/v1/chat/completions", sent.getUrl().encodedPath());
        assertEquals(Recordings.json("model-servers/requests/chat-stream-tools.json"), body(sent));
        assertNull(sent.getHeaders().get("Authorization"));
    }

    @Test
    void toolResultTurnReplaysTheCallWithItsIdAndArgumentsAsAString() throws Exception {
        ToolCall call = new ToolCall("chatcmpl-tool-3f0c9a7e51b24d6f8e2a1c4b7d9e0f13", "read_file", "{\"path\": \"main.tf\"}");
        ChatRequest request = new ChatRequest("qwen2.5-coder-14b", List.of(ChatMessage.system(SYSTEM), ChatMessage.user(USER),
                ChatMessage.assistant(null, List.of(call)),
                ChatMessage.tool(call.id(), "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = var.log_bucket_name\n}\n")),
                Recordings.recordedTools(), 4096, 0.2);

        JsonObject body = body(send(request, null));

        assertEquals(Recordings.json("model-servers/requests/chat-stream-tool-result.json"), body);
        JsonElement arguments = body.getAsJsonArray("messages").get(2).getAsJsonObject().getAsJsonArray("tool_calls").get(0)
                .getAsJsonObject().getAsJsonObject("function").get("arguments");
        assertEquals("{\"path\": \"main.tf\"}", arguments.getAsString(), "arguments travel as the original string");
    }

    @Test
    void withoutToolsThereIsNoToolChoiceAndOptionalFieldsAreLeftOut() throws Exception {
        JsonObject body = body(send(new ChatRequest("m", List.of(ChatMessage.user("hi")), List.of(), null, null), null));

        assertFalse(body.has("tools"));
        assertFalse(body.has("tool_choice"));
        assertFalse(body.has("max_tokens"));
        assertFalse(body.has("temperature"));
        assertEquals(JsonParser.parseString("{\"include_usage\":true}"), body.get("stream_options"));
    }

    @Test
    void apiKeyIsSentAsBearerToken() throws Exception {
        RecordedRequest sent = send(Recordings.request(), "TEST-key-123");

        assertEquals("Bearer TEST-key-123", sent.getHeaders().get("Authorization"));
    }

    private RecordedRequest send(ChatRequest request, String apiKey) throws Exception {
        server.enqueue(Recordings.response("model-servers/vllm/stream-text.sse"));
        ModelEndpoint endpoint = new ModelEndpoint(server.url("/v1/").toString(), apiKey);
        new OpenAiChatClient(Recordings.http(), endpoint, true).complete(request, ChatStreamListener.NONE, CancelToken.none());
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    private static JsonObject body(RecordedRequest sent) {
        return JsonParser.parseString(sent.getBody().utf8()).getAsJsonObject();
    }
}
