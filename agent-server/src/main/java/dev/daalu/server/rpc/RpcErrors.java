package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.protocol.ChatSendResult;
import dev.daalu.server.protocol.ErrorCodes;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-RPC errors this server answers with. Codes outside, enums inside: a {@link ModelError.Reason} maps to a
 * documented code from {@link ErrorCodes}, and nothing branches on message text. No error carries a stack trace:
 * {@link #handler} replaces LSP4J's default, which puts one in {@code data}.
 */
public final class RpcErrors {

    private static final Logger LOG = Logger.getLogger(RpcErrors.class.getName());

    private RpcErrors() {
    }

    /** An error response with {@code code} and {@code message}, thrown from (or completing) a handler's future. */
    public static ResponseErrorException error(int code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
    }

    /** {@code -32602}: the params are missing something or out of range; {@code message} says what and how to fix it. */
    public static ResponseErrorException invalidParams(String message) {
        return error(ErrorCodes.INVALID_PARAMS, message);
    }

    /** The code of a model error, for {@link ChatSendResult.ErrorInfo}. */
    public static int code(ModelError.Reason reason) {
        return switch (reason) {
            case CONTEXT_LENGTH -> ErrorCodes.CONTEXT_LENGTH_EXCEEDED;
            case NOT_CONFIGURED, PERIMETER -> ErrorCodes.NO_INFERENCE_TIER;
            case MODEL_NOT_FOUND -> ErrorCodes.MODEL_UNAVAILABLE;
            case CANCELLED -> ErrorCodes.REQUEST_CANCELLED;
            case CONNECTION, TIMEOUT, HTTP_ERROR, STREAM_ERROR, STREAM_CUT, BAD_RESPONSE -> ErrorCodes.MODEL_ERROR;
        };
    }

    /** The details of a failed turn: the model error's code and reason word, or an internal error without one. */
    public static ChatSendResult.ErrorInfo errorInfo(ModelError error, String message, SecretRedactor redactor) {
        if (error == null) {
            return new ChatSendResult.ErrorInfo(ErrorCodes.INTERNAL_ERROR, "internal", redactor.redact(message));
        }
        return new ChatSendResult.ErrorInfo(code(error.reason()), error.reason().name().toLowerCase(Locale.ROOT),
                redactor.redact(message));
    }

    /**
     * The exception handler for LSP4J's {@code RemoteEndpoint}: a {@link ResponseErrorException} keeps its code and
     * message (redacted); anything else is an internal error that names the exception's class and message, is logged
     * with its stack trace, and never sends that trace.
     */
    public static Function<Throwable, ResponseError> handler(SecretRedactor redactor) {
        return thrown -> {
            Throwable cause = unwrap(thrown);
            if (cause instanceof ResponseErrorException e) {
                ResponseError error = e.getResponseError();
                return new ResponseError(error.getCode(), redactor.redact(error.getMessage()), null);
            }
            LOG.log(Level.SEVERE, "A request failed unexpectedly", cause);
            return new ResponseError(ErrorCodes.INTERNAL_ERROR, redactor.redact("Internal error (" + describe(cause)
                    + "); see the server log"), null);
        };
    }

    /**
     * The first message in {@code thrown}'s cause chain, without exception class prefixes or library hints
     * (Gson's carry the JSON path, e.g. {@code For input string: "many"; at path $.maxResults}).
     */
    public static String describe(Throwable thrown) {
        Throwable t = thrown;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int hint = message.indexOf("\nSee https://");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        return message.replaceAll("^(?:(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): )+", "")
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
                .strip();
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
