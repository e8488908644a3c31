package dev.daalu.server.model;

import org.junit.jupiter.api.Test;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vLLM 0.10 recordings (hermes and qwen3_coder parsers) through the client. */
class VllmReplayTest extends ReplayTest {

    @Test
    void streamedTextArrivesTokenByTokenWithUnknownUsage() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/stream-text.sse");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(MAIN_TF_ANSWER, stream.content());
        assertTrue(stream.content.size() > 20, "delivered as deltas, not at the end");
        assertEquals("stop", answer.finishReason());
        assertNull(answer.usage(), "no usage chunk: unknown, not zero");
        assertNull(answer.reasoning());
        assertTrue(answer.toolCalls().isEmpty());
        assertTrue(answer.recoveries().isEmpty());
    }

    @Test
    void usageComesFromTheTrailingChunkWithoutChoices() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/stream-text-usage.sse");

        assertEquals(MAIN_TF_ANSWER, answer.content());
        assertEquals(new Usage(1702, 37, 1739), answer.usage());
    }

    @Test
    void hermesToolCallIsAssembledFromArgumentFragments() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/stream-tool-call-single.sse");

        assertEquals(1, answer.toolCalls().size());
        ToolCall call = answer.toolCalls().get(0);
        assertEquals("chatcmpl-tool-283213ed5b1d9472bf603bc7dcfde4f1", call.id());
        assertCall("read_file", "{\"path\":\"main.tf\"}", call);
        assertNull(answer.content());
        assertEquals("tool_calls", answer.finishReason());
        assertEquals(new Usage(1384, 21, 1405), answer.usage());
    }

    @Test
    void parallelCallsKeepTheirOrderAndTheNewlineBetweenThemIsNotContent() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/stream-tool-calls-parallel.sse");

        assertEquals(2, answer.toolCalls().size());
        assertCall("search_files", "{\"query\":\"aws_s3_bucket\"}", answer.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"variables.tf\"}", answer.toolCalls().get(1));
        assertEquals("chatcmpl-tool-fe3f4a00bc2c6f73660755f046601455", answer.toolCalls().get(0).id());
        assertEquals("chatcmpl-tool-07fb51356224f2a512bf120a12a84ac8", answer.toolCalls().get(1).id());
        assertNull(answer.content());
        assertEquals(new Usage(1391, 44, 1435), answer.usage());
    }

    @Test
    void nonStreamedAnswerIsReadFromTheJsonBody() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/nonstream-tool-call.json");

        assertEquals(1, answer.toolCalls().size());
        assertEquals("chatcmpl-tool-3e1796ef69497773d369c23ed7f65697", answer.toolCalls().get(0).id());
        assertCall("run_command", "{\"command\":\"terraform validate\"}", answer.toolCalls().get(0));
        assertNull(answer.content());
        assertEquals("tool_calls", answer.finishReason());
        assertEquals(new Usage(1416, 21, 1437), answer.usage());
    }

    @Test
    void qwen3CoderCallArrivesOneParameterPerFragment() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/qwen3coder-stream-tool-call-single.sse");

        assertEquals(1, answer.toolCalls().size());
        assertEquals("call_804737b6fd97babcfe57f5f5", answer.toolCalls().get(0).id());
        assertCall("run_command", "{\"command\":\"terraform validate\"}", answer.toolCalls().get(0));
        assertEquals(new Usage(1622, 24, 1646), answer.usage());
    }

    @Test
    void qwen3CoderParallelCallsKeepAMultiLineParameterIntact() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/qwen3coder-stream-tool-calls-parallel.sse");

        assertEquals(2, answer.toolCalls().size());
        assertCall("write_file", "{\"path\":\"outputs.tf\",\"content\":\"output \\\"bucket_arn\\\" {\\n  value = "
                + "aws_s3_bucket.logs.arn\\n}\"}", answer.toolCalls().get(0));
        assertCall("run_command", "{\"command\":\"terraform fmt -check\"}", answer.toolCalls().get(1));
        assertEquals("call_0acca47260163a3805d5b931", answer.toolCalls().get(1).id());
    }

    @Test
    void qwen3CoderNonStreamedCall() throws ModelError {
        ChatCompletion answer = replay("model-servers/vllm/qwen3coder-nonstream-tool-call.json");

        assertEquals("chatcmpl-tool-82b607784443417a6866fefdd0ba479a", answer.toolCalls().get(0).id());
        assertCall("write_file", "{\"path\":\"outputs.tf\",\"content\":\"output \\\"bucket_arn\\\" {\\n  value = "
                + "aws_s3_bucket.logs.arn\\n}\"}", answer.toolCalls().get(0));
        assertEquals(new Usage(1637, 50, 1687), answer.usage());
    }

    @Test
    void contextLengthErrorIsClassifiedFromTheMessageShape() {
        ModelError error = failure("model-servers/vllm/error-context-length.json", 400);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertEquals(400, error.httpStatus());
        assertTrue(error.serverMessage().startsWith("This model's maximum context length is 32768 tokens."));
        assertTrue(error.getMessage().contains("at least 28713 input tokens"), error.getMessage());
    }

    @Test
    void legacyFlatContextLengthErrorIsClassifiedToo() {
        ModelError error = failure("model-servers/vllm/error-context-length-legacy.json", 400);

        assertEquals(ModelError.Reason.CONTEXT_LENGTH, error.reason());
        assertTrue(error.serverMessage().contains("(28713 in the messages, 4096 in the completion)"));
    }

    @Test
    void unknownModelIsModelNotFound() {
        ModelError error = failure("model-servers/vllm/error-model-not-found.json", 404);

        assertEquals(ModelError.Reason.MODEL_NOT_FOUND, error.reason());
        assertEquals("The model `qwen2.5-coder-32b` does not exist.", error.serverMessage());
        assertEquals(404, error.httpStatus());
    }

    @Test
    void serverWithoutAutoToolChoiceIsAnHttpErrorQuotingTheFlagsToSet() {
        ModelError error = failure("model-servers/vllm/error-auto-tool-choice-disabled.json", 400);

        assertEquals(ModelError.Reason.HTTP_ERROR, error.reason());
        assertTrue(error.getMessage().contains("--enable-auto-tool-choice and --tool-call-parser"), error.getMessage());
    }

    @Test
    void errorAfterSomeContentEndsTheAnswerWithAStreamError() {
        ModelError error = failure("model-servers/vllm/stream-error-midstream.sse", 200);

        assertEquals(ModelError.Reason.STREAM_ERROR, error.reason());
        assertEquals("EngineCore encountered an issue. See stack trace (above) for the root cause.", error.serverMessage());
        assertEquals("The `main.tf`", stream.content(), "what arrived before the error was streamed");
    }
}
