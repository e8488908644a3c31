package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.protocol.ChatSendResult;
import dev.daalu.server.protocol.ErrorCodes;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RpcErrorsTest {

    @Test
    void modelErrorReasonsMapToDocumentedCodes() {
        assertEquals(ErrorCodes.CONTEXT_LENGTH_EXCEEDED, RpcErrors.code(ModelError.Reason.CONTEXT_LENGTH));
        assertEquals(ErrorCodes.NO_INFERENCE_TIER, RpcErrors.code(ModelError.Reason.NOT_CONFIGURED));
        assertEquals(ErrorCodes.NO_INFERENCE_TIER, RpcErrors.code(ModelError.Reason.PERIMETER));
        assertEquals(ErrorCodes.MODEL_UNAVAILABLE, RpcErrors.code(ModelError.Reason.MODEL_NOT_FOUND));
        for (ModelError.Reason reason : EnumSet.of(ModelError.Reason.CONNECTION, ModelError.Reason.TIMEOUT,
                ModelError.Reason.HTTP_ERROR, ModelError.Reason.STREAM_ERROR, ModelError.Reason.STREAM_CUT,
                ModelError.Reason.BAD_RESPONSE)) {
            assertEquals(ErrorCodes.MODEL_ERROR, RpcErrors.code(reason), reason.name());
        }
    }

    @Test
    void errorInfoCarriesAStableReasonWord() {
        ModelError error = new ModelError(ModelError.Reason.NOT_CONFIGURED, null, "No in-perimeter inference tier is configured");

        ChatSendResult.ErrorInfo info = RpcErrors.errorInfo(error, error.getMessage(), new SecretRedactor());

        assertEquals(new ChatSendResult.ErrorInfo(ErrorCodes.NO_INFERENCE_TIER, "not_configured",
                "No in-perimeter inference tier is configured"), info);
        assertEquals("internal", RpcErrors.errorInfo(null, "log write failed", new SecretRedactor()).reason());
    }

    @Test
    void theHandlerKeepsOurErrorsAndHidesStackTracesOfOthers() {
        var handler = RpcErrors.handler(new SecretRedactor());

        ResponseError ours = handler.apply(new CompletionException(RpcErrors.invalidParams("limit must be 1..1000")));
        ResponseError other = handler.apply(new CompletionException(new NullPointerException("x is null")));

        assertEquals(ErrorCodes.INVALID_PARAMS, ours.getCode());
        assertEquals("limit must be 1..1000", ours.getMessage());
        assertEquals(ErrorCodes.INTERNAL_ERROR, other.getCode());
        assertEquals("Internal error (x is null); see the server log", other.getMessage());
        assertNull(other.getData());
    }

    @Test
    void theHandlerRedactsMessages() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");

        ResponseError error = RpcErrors.handler(redactor).apply(
                new IllegalStateException("clone with TESTTOKEN-B34-0123456789abcdef0123 failed"));

        assertEquals("Internal error (clone with [REDACTED] failed); see the server log", error.getMessage());
    }

    @Test
    void describeDropsClassPrefixesAndLibraryHints() {
        assertEquals("Unterminated string at line 1 column 9",
                RpcErrors.describe(new IllegalStateException("com.google.gson.stream.MalformedJsonException: "
                        + "Unterminated string at line 1 column 9\nSee https://github.com/google/gson/blob/main/Troubleshooting.md")));
        assertEquals("IllegalStateException", RpcErrors.describe(new IllegalStateException()));
    }
}
