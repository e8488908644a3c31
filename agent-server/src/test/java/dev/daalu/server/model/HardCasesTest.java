package dev.daalu.server.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.concurrent.CancelToken;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hard inputs B01-B10 of the model-server cases, one test per case plus the variants each names. */
class HardCasesTest extends ReplayTest {

    @Test
    void b01CallWithoutIndexIsOneCallAndAToolTurnDespiteFinishReasonStop() throws ModelError {
        ChatCompletion answer = replay("cases/B01-ollama-no-index.sse");

        assertEquals(1, answer.toolCalls().size());
        assertEquals("call_k3j9x2", answer.toolCalls().get(0).id());
        assertCall("read_file", "{\"path\":\"src/main/java/App.java\"}", answer.toolCalls().get(0));
        assertEquals("stop", answer.finishReason());
        assertTrue(answer.hasToolCalls());
        assertTrue(answer.recoveries().isEmpty(), "nothing to warn about");
    }

    @Test
    void b02MissingIdIsGeneratedAndUsedInTheReplayedMessageAndTheToolResult() throws Exception {
        ChatCompletion answer = replay("cases/B02-sglang-missing-id-index1.sse");

        assertEquals(2, answer.toolCalls().size());
        ToolCall first = answer.toolCalls().get(0);
        ToolCall second = answer.toolCalls().get(1);
        assertEquals("call_0", first.id());
        assertCall("read_file", "{\"path\":\"pom.xml\"}", first);
        assertTrue(second.id().startsWith(ToolCall.GENERATED_ID_PREFIX), second.id());
        assertCall("list_dir", "{\"path\":\"src\"}", second);

        JsonObject replayed = nextRequestBody(answer, second.id(), "src/main");
        JsonArray messages = replayed.getAsJsonArray("messages");
        JsonObject assistant = messages.get(2).getAsJsonObject();
        JsonObject tool = messages.get(3).getAsJsonObject();
        assertEquals(second.id(), assistant.getAsJsonArray("tool_calls").get(1).getAsJsonObject().get("id").getAsString());
        assertEquals(second.id(), tool.get("tool_call_id").getAsString());
    }

    @Test
    void b04JsonCallInContentBecomesACallOfAnOfferedTool() throws ModelError {
        ChatCompletion answer = replay("cases/B04-ollama-qwen25coder-json-in-content.json");

        assertEquals(1, answer.toolCalls().size());
        assertCall("list_dir", "{\"path\":\".\"}", answer.toolCalls().get(0));
        assertTrue(answer.toolCalls().get(0).id().startsWith(ToolCall.GENERATED_ID_PREFIX));
        assertEquals(ChatCompletion.TextToolCalls.RECOVERED, answer.textToolCalls());
        assertEquals(1, answer.recoveries().size(), "the log records that a fallback parse happened");
    }

    @Test
    void b04JsonCallStaysTextForAnUnknownToolAroundProseOrWhenTheFallbackIsOff() throws ModelError {
        String call = "{\"name\": \"list_dir\", \"arguments\": {\"path\": \".\"}}";

        ChatCompletion unknown = replay("cases/B04-ollama-qwen25coder-json-in-content.json",
                Recordings.request(Recordings.recordedTools(), null), true);
        assertEquals(call, unknown.content());
        assertFalse(unknown.hasToolCalls());

        ChatCompletion prose = answerWithContent("I would run " + call + " next.", true);
        assertFalse(prose.hasToolCalls());

        ChatCompletion disabled = replay("cases/B04-ollama-qwen25coder-json-in-content.json", Recordings.request(), false);
        assertEquals(call, disabled.content());
        assertFalse(disabled.hasToolCalls());
    }

    @Test
    void b05FencedJsonSplitAcrossDeltasIsRecognisedOnTheWholeContent() throws ModelError {
        ChatCompletion answer = replay("cases/B05-vllm-qwen25coder-fenced-json.sse");

        assertEquals(1, answer.toolCalls().size());
        assertCall("read_file", "{\"path\":\"README.md\"}", answer.toolCalls().get(0));
        assertNull(answer.content(), "the raw JSON is not the final answer");
        assertTrue(answer.contentRetracted());
        assertEquals(List.of("```", "json\n", "{\"name\": \"read", "_file\", \"arguments\": {\"path\": \"READ", "ME.md\"}}\n",
                "```"), stream.content);
    }

    @Test
    void b05FencedBlockInsideAnExplanationStaysText() throws ModelError {
        String content = "Call it like this:\n```json\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"README.md\"}}\n```";

        ChatCompletion answer = answerWithContent(content, true);

        assertEquals(content, answer.content());
        assertFalse(answer.hasToolCalls());
    }

    @Test
    void b07ParallelCallsAtIndexZeroWithDistinctIdsStayDistinct() throws ModelError {
        ChatCompletion answer = replay("cases/B07-ollama-parallel-same-index.sse");

        assertEquals(3, answer.toolCalls().size());
        String[] files = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; i++) {
            ToolCall call = answer.toolCalls().get(i);
            assertEquals("call_function_" + (i + 1), call.id());
            assertCall("write_file", "{\"path\":\"" + files[i] + ".txt\",\"content\":\"" + files[i].toUpperCase() + "\\n\"}",
                    call);
        }
    }

    @Test
    void b08ArgumentsMissingTheClosingBraceAreKeptRawNeverRepairedAndReplayedAsAnEmptyObject() throws Exception {
        ChatCompletion answer = replay("cases/B08-vllm-hermes-missing-brace.sse");

        ToolCall call = answer.toolCalls().get(0);
        assertEquals("chatcmpl-tool-5e1c", call.id());
        assertEquals("read_file", call.name());
        assertEquals("{\"path\": \"src/Main.java\"", call.arguments(), "the raw text is kept");
        assertTrue(call.argumentsObject().isEmpty(), "invalid JSON is not an arguments object");
        assertEquals("tool_calls", answer.finishReason());

        JsonObject replayed = nextRequestBody(answer, call.id(), "The arguments were not valid JSON.");
        JsonObject function = replayed.getAsJsonArray("messages").get(2).getAsJsonObject()
                .getAsJsonArray("tool_calls").get(0).getAsJsonObject().getAsJsonObject("function");
        assertEquals("{}", function.get("arguments").getAsString(), "servers refuse a replayed call that does not parse");
    }

    @Test
    void b10UsageFromTheTrailingChunkWithoutChoices() throws ModelError {
        ChatCompletion answer = replay("cases/B10-vllm-usage-trailing-empty-choices.sse");

        assertEquals("Done.", answer.content());
        assertEquals(new Usage(26, 3, 29), answer.usage());
    }

    @Test
    void b10UsageNeverSentIsUnknownNotZero() throws ModelError {
        ChatCompletion answer = replay("cases/B10-usage-missing.sse");

        assertEquals("Done.", answer.content());
        assertNull(answer.usage());
    }

    /** Sends the follow-up turn (assistant calls, one tool result) and returns the body the server received. */
    private JsonObject nextRequestBody(ChatCompletion answer, String answeredId, String result) throws Exception {
        server.takeRequest(1, TimeUnit.SECONDS);
        ChatRequest first = Recordings.request();
        ChatRequest next = first.withMessages(List.of(first.messages().get(0), first.messages().get(1),
                ChatMessage.assistant(answer.content(), answer.toolCalls()), ChatMessage.tool(answeredId, result)));
        server.enqueue(Recordings.response("cases/B10-usage-missing.sse"));
        Recordings.client(server, true).complete(next, ChatStreamListener.NONE, CancelToken.none());
        RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
        return JsonParser.parseString(recorded.getBody().utf8()).getAsJsonObject();
    }

    /** A non-streamed answer whose content is {@code content}. */
    private ChatCompletion answerWithContent(String content, boolean recover) throws ModelError {
        JsonObject body = Recordings.json("cases/B04-ollama-qwen25coder-json-in-content.json").getAsJsonObject();
        body.getAsJsonArray("choices").get(0).getAsJsonObject().getAsJsonObject("message").addProperty("content", content);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body.toString()).build());
        ChatCompletion answer = Recordings.client(server, recover).complete(Recordings.request(), stream, CancelToken.none());
        assertNotEquals(ChatCompletion.TextToolCalls.RECOVERED, answer.textToolCalls());
        return answer;
    }
}
