package dev.daalu.server.model;

import org.junit.jupiter.api.Test;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** llama.cpp {@code llama-server --jinja} recordings through the client. */
class LlamaCppReplayTest extends ReplayTest {

    @Test
    void streamedTextWithNullFirstContentAndTimings() throws ModelError {
        ChatCompletion answer = replay("model-servers/llamacpp/stream-text.sse");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(MAIN_TF_ANSWER, stream.content());
        assertEquals("stop", answer.finishReason());
        assertNull(answer.usage());
    }

    @Test
    void usageInItsOwnOrderAfterTheFinishChunk() throws ModelError {
        ChatCompletion answer = replay("model-servers/llamacpp/stream-text-usage.sse");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(new Usage(1702, 37, 1739), answer.usage());
    }

    @Test
    void compactArgumentsStreamedInSmallFragments() throws ModelError {
        ChatCompletion answer = replay("model-servers/llamacpp/stream-tool-call-single.sse");

        assertEquals(1, answer.toolCalls().size());
        assertEquals("teUyG8GYyBIVAlz9KwRDilqVnOvZd0xE", answer.toolCalls().get(0).id());
        assertCall("read_file", "{\"path\": \"main.tf\"}", answer.toolCalls().get(0));
        assertEquals("tool_calls", answer.finishReason());
        assertEquals(new Usage(1379, 21, 1400), answer.usage());
        assertNull(answer.content());
    }

    @Test
    void parallelCalls() throws ModelError {
        ChatCompletion answer = replay("model-servers/llamacpp/stream-tool-calls-parallel.sse");

        assertEquals(2, answer.toolCalls().size());
        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"variables.tf\"}", answer.toolCalls().get(1));
        assertEquals("XAhRKKxpgWinEMfeChizCeYCOYUaTrfW", answer.toolCalls().get(1).id());
    }

    @Test
    void nonStreamedCallWithKeysInOtherOrder() throws ModelError {
        ChatCompletion answer = replay("model-servers/llamacpp/nonstream-tool-call.json");

        assertEquals("56xw6rV6DcfO5QlXbdE8BXovxdzGs1iw", answer.toolCalls().get(0).id());
        assertCall("run_command", "{\"command\":\"terraform validate\"}", answer.toolCalls().get(0));
        assertEquals(new Usage(1411, 21, 1432), answer.usage());
    }

    @Test
    void contextLengthErrorIsClassifiedFromItsType() {
        ModelError error = failure("model-servers/llamacpp/error-context-length.json", 400);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertEquals("request (33217 tokens) exceeds the available context size (32768 tokens), try increasing it",
                error.serverMessage());
    }

    @Test
    void legacyErrorFieldInsideTheStreamIsNotDropped() {
        ModelError error = failure("model-servers/llamacpp/stream-error-context-length-legacy.sse", 200);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertTrue(error.serverMessage().startsWith("the request exceeds the available context size"));
    }
}
