package dev.daalu.server.model;

import org.junit.jupiter.api.Test;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ollama {@code /v1} recordings through the client. */
class OllamaReplayTest extends ReplayTest {

    @Test
    void streamedTextRepeatsTheRoleOnEveryChunk() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/stream-text.sse");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(MAIN_TF_ANSWER, stream.content());
        assertEquals("stop", answer.finishReason());
        assertNull(answer.usage());
    }

    @Test
    void usageChunk() throws ModelError {
        assertEquals(new Usage(1690, 37, 1727), replay("model-servers/ollama/stream-text-usage.sse").usage());
    }

    @Test
    void framingSinceV032WithTheFinishReasonOnItsOwnChunk() throws ModelError {
        ChatCompletion text = replay("model-servers/ollama/stream-text-v0.32.sse");
        assertEquals(MAIN_TF_ANSWER, text.content());
        assertEquals("stop", text.finishReason());

        ChatCompletion call = replay("model-servers/ollama/stream-tool-call-single-v0.32.sse");
        assertEquals("call_01ooou1q", call.toolCalls().get(0).id());
        assertCall("read_file", "{\"path\":\"main.tf\"}", call.toolCalls().get(0));
        assertEquals("tool_calls", call.finishReason());
    }

    @Test
    void wholeCallInOneChunk() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/stream-tool-call-single.sse");

        assertEquals(1, answer.toolCalls().size());
        assertEquals("call_yc2l4omh", answer.toolCalls().get(0).id());
        assertCall("read_file", "{\"path\":\"main.tf\"}", answer.toolCalls().get(0));
        assertNull(answer.content(), "empty content strings around a call are no content");
        assertEquals(new Usage(1364, 21, 1385), answer.usage());
    }

    @Test
    void parallelWholeCalls() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/stream-tool-calls-parallel.sse");

        assertEquals(2, answer.toolCalls().size());
        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"variables.tf\"}", answer.toolCalls().get(1));
    }

    @Test
    void qwen3CoderCallsAllAtIndexZeroStayDistinct() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/qwen3coder-stream-tool-calls-parallel.sse");

        assertEquals(2, answer.toolCalls().size());
        assertCall("write_file", "{\"path\":\"outputs.tf\",\"content\":\"output \\\"bucket_arn\\\" {\\n  value = "
                + "aws_s3_bucket.logs.arn\\n}\"}", answer.toolCalls().get(0));
        assertCall("run_command", "{\"command\":\"terraform fmt -check\"}", answer.toolCalls().get(1));
        assertNotEquals(answer.toolCalls().get(0).id(), answer.toolCalls().get(1).id());
    }

    @Test
    void nonStreamedCallWithGoEscapesAndEmptyContent() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/nonstream-tool-call.json");

        assertCall("run_command", "{\"command\":\"terraform init -backend=false && terraform validate\"}",
                answer.toolCalls().get(0));
        assertNull(answer.content());
        assertEquals(new Usage(1402, 28, 1430), answer.usage());
    }

    @Test
    void silentlyTruncatedHistoryStillAnswersAndReportsItsPromptTokens() throws ModelError {
        ChatCompletion answer = replay("model-servers/ollama/nonstream-text-context-truncated.json");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(4053, answer.usage().promptTokens(), "what the budget compares with the context window");
    }

    @Test
    void contextLengthErrorIsClassifiedFromTheMessage() {
        ModelError error = failure("model-servers/ollama/error-context-length.json", 400);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertTrue(error.serverMessage().startsWith("the prompt is longer than the context length"));
    }

    @Test
    void unknownModelIsModelNotFoundFromTheStatus() {
        ModelError error = failure("model-servers/ollama/error-model-not-found.json", 404);

        assertEquals(ModelError.Reason.MODEL_NOT_FOUND, error.reason());
        assertEquals("model 'qwen2.5-coder:32b' not found", error.serverMessage());
    }
}
