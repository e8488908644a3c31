package dev.daalu.server.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recordings of tool calls and reasoning that do not arrive as clean fields. */
class QuirksReplayTest extends ReplayTest {

    @Test
    void hermesTagsStreamedAsContentBecomeACallAndTheStreamedTextIsRetracted() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/hermes-tool-call-in-content.sse");

        assertEquals(1, answer.toolCalls().size());
        assertCall("read_file", "{\"path\":\"main.tf\"}", answer.toolCalls().get(0));
        assertTrue(answer.toolCalls().get(0).id().startsWith(ToolCall.GENERATED_ID_PREFIX));
        assertNull(answer.content());
        assertEquals(ChatCompletion.TextToolCalls.RECOVERED, answer.textToolCalls());
        assertTrue(answer.contentRetracted());
        assertTrue(stream.content().startsWith("<tool_call>"), "the deltas were streamed before the end was known");
        assertTrue(answer.recoveries().get(0).contains("<tool_call> tags"), answer.recoveries().toString());
        assertEquals("stop", answer.finishReason());
    }

    @Test
    void hermesTagsStayTextWhenRecoveryIsOffForTheModel() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/hermes-tool-call-in-content.sse", Recordings.request(), false);

        assertFalse(answer.hasToolCalls());
        assertEquals("<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"main.tf\"}}\n</tool_call>",
                answer.content());
        assertEquals(ChatCompletion.TextToolCalls.NONE, answer.textToolCalls());
    }

    @Test
    void malformedJsonInTagsStaysTextAndSaysWhatIsWrong() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/hermes-tool-call-malformed-json.json");

        assertFalse(answer.hasToolCalls());
        assertTrue(answer.content().startsWith("<tool_call>\n{\"name\": \"write_file\""));
        assertEquals(ChatCompletion.TextToolCalls.MALFORMED, answer.textToolCalls());
        assertFalse(answer.contentRetracted());
        assertTrue(answer.recoveries().get(0).contains("JSON does not parse"), answer.recoveries().toString());
    }

    @Test
    void fencedJsonCallIsRecovered() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/json-code-fence-in-content.sse");

        assertCall("read_file", "{\"path\":\"main.tf\"}", answer.toolCalls().get(0));
        assertNull(answer.content());
        assertEquals(new Usage(1384, 30, 1414), answer.usage());
    }

    @Test
    void bareJsonCallIsRecovered() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/bare-json-in-content.json");

        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertTrue(answer.contentRetracted());
    }

    @Test
    void toolsTagIsAcceptedLikeToolCall() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/tools-tag-in-content.json");

        assertCall("read_file", "{\"path\":\"main.tf\"}", answer.toolCalls().get(0));
    }

    @Test
    void qwen3CoderXmlStreamedAsContentBecomesACall() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/qwen3coder-xml-in-content.sse");

        assertEquals(1, answer.toolCalls().size());
        assertCall("run_command", "{\"command\":\"terraform validate\"}", answer.toolCalls().get(0));
        assertNull(answer.content());
    }

    @Test
    void qwen3CoderXmlAfterProseStaysText() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/qwen3coder-xml-in-content.json");

        assertFalse(answer.hasToolCalls(), "only a message that is wholly a call is read as one");
        assertTrue(answer.content().startsWith("I'll check the configuration first.\n\n<tool_call>"));
        assertEquals(ChatCompletion.TextToolCalls.NONE, answer.textToolCalls());
    }

    @Test
    void callSwallowedByTheServerLeavesTheProseBeforeIt() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/qwen3coder-xml-swallowed-stream.sse");

        assertEquals("I'll check the configuration first.\n\n", answer.content());
        assertFalse(answer.hasToolCalls());
        assertEquals(new Usage(1622, 31, 1653), answer.usage());
    }

    @Test
    void twoTaggedCallsBecomeTwoCallsWithTheirOwnIds() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/parallel-calls-tags-in-content.json");

        assertEquals(2, answer.toolCalls().size());
        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"variables.tf\"}", answer.toolCalls().get(1));
        assertNotEquals(answer.toolCalls().get(0).id(), answer.toolCalls().get(1).id());
    }

    @Test
    void jsonArrayOfCallsInOneTagBecomesTwoCalls() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/parallel-calls-json-array-in-content.json");

        assertEquals(2, answer.toolCalls().size());
        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"variables.tf\"}", answer.toolCalls().get(1));
    }

    @Test
    void doubleEncodedArgumentsAreDecodedOnceMore() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/arguments-double-encoded.json");

        assertCall("run_command", "{\"command\":\"terraform validate\"}", answer.toolCalls().get(0));
        assertTrue(answer.recoveries().get(0).contains("double-encoded"), answer.recoveries().toString());
    }

    @Test
    void argumentsSentAsAnObjectAreSerialisedToText() {
        String firstLine = Fixtures.text("model-servers/quirks/arguments-as-object-ollama-native.ndjson").lines().findFirst()
                .orElseThrow();
        JsonObject message = JsonParser.parseString(firstLine).getAsJsonObject().getAsJsonObject("message");
        ToolCallAssembler assembler = new ToolCallAssembler();
        message.getAsJsonArray("tool_calls").forEach(assembler::accept);

        List<ToolCall> calls = assembler.finish(new ArrayList<>());

        assertEquals("call_mrghfl9h", calls.get(0).id());
        assertCall("read_file", "{\"path\":\"main.tf\"}", calls.get(0));
    }

    @Test
    void reasoningContentFieldIsKeptApartFromTheAnswer() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/reasoning-content-field.sse");

        assertEquals("\nThe user wants the bucket ARN exposed, so I need an output block.\n", answer.reasoning());
        assertEquals("\n\nI'll add an `outputs.tf` file.", answer.content());
        assertEquals(answer.reasoning(), stream.reasoning());
        assertEquals(answer.content(), stream.content());
    }

    @Test
    void ollamaReasoningFieldIsKeptApartFromTheAnswer() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/reasoning-field-ollama.sse");

        assertEquals("The user wants the bucket ARN exposed, so I need an output block.\n", answer.reasoning());
        assertEquals("I'll add an `outputs.tf` file.", answer.content());
        assertEquals(answer.content(), stream.content());
    }

    @Test
    void thinkTagsInContentAreMovedToReasoningWhileStreaming() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/think-tags-in-content.sse");

        assertEquals("\nThe user wants the bucket ARN exposed, so I need an output block.\n", answer.reasoning());
        assertEquals("I'll add an `outputs.tf` file.", answer.content());
        assertEquals(answer.content(), stream.content(), "no tag and no reasoning reached the visible stream");
        assertEquals(answer.reasoning(), stream.reasoning());
    }

    @Test
    void toolCallCutByMaxTokensIsReportedAsLengthThoughTheServerSaysToolCalls() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/truncated-tool-call-length.sse",
                Recordings.request(Recordings.recordedTools(), 35), true);

        assertEquals("length", answer.finishReason());
        assertTrue(answer.truncated());
        assertCall("write_file", "{\"path\":\"outputs.tf\",\"content\":\"output \\\"bucket_arn\\\" {\\n  value = aws\"}",
                answer.toolCalls().get(0));
        assertTrue(answer.recoveries().get(0).contains("35 max_tokens"), answer.recoveries().toString());
    }

    @Test
    void sameStreamUnderAHigherMaxTokensIsAToolTurn() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/truncated-tool-call-length.sse",
                Recordings.request(Recordings.recordedTools(), 4096), true);

        assertEquals("tool_calls", answer.finishReason());
        assertFalse(answer.truncated());
        assertTrue(answer.recoveries().isEmpty());
    }

    @Test
    void toolCallWithFinishReasonStopIsStillAToolTurn() throws ModelError {
        ChatCompletion answer = replay("model-servers/quirks/tool-call-with-finish-reason-stop.sse");

        assertTrue(answer.hasToolCalls());
        assertEquals("chatcmpl-tool-3e5ce0a5aa3159aa", answer.toolCalls().get(0).id());
        assertCall("read_file", "{\"path\":\"main.tf\"}", answer.toolCalls().get(0));
        assertEquals("stop", answer.finishReason());
    }

    @Test
    void sglangContextLengthErrorInsideA200Stream() {
        ModelError error = failure("model-servers/quirks/sglang-stream-error-context-length.sse", 200);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertEquals("The input (33217 tokens) is longer than the model's context length (32768 tokens).",
                error.serverMessage());
    }
}
