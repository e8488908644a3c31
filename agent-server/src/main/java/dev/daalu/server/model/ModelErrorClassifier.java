package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daalu.server.model.ModelError.Reason;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns every way a model call can fail into a {@link ModelError}: the single place that reads the
 * error bodies of the servers (vLLM current and legacy, llama.cpp, Ollama, SGLang) and classifies them.
 *
 * <p>Error bodies come as {@code {"error":{"message","type","code"}}} (vLLM since 0.10.1, llama.cpp, Ollama),
 * flat {@code {"object":"error","message",...}} (older vLLM, SGLang), {@code {"error":"text"}},
 * FastAPI's {@code {"detail":...}} or plain text. The reason comes from structured fields where a server
 * gives them (llama.cpp's {@code exceed_context_size_error} type, HTTP 404 naming a model) and otherwise
 * from the documented message shape of the context-length errors ({@link #CONTEXT_LENGTH_MESSAGE}).
 *
 * <p>Messages name the endpoint and quote the server's message; they never carry a stack trace.
 */
final class ModelErrorClassifier {

    /**
     * The context-length messages of servers that have no structured field for it: vLLM ("This model's
     * maximum context length is 32768 tokens. However, ..."), SGLang ("... is longer than the model's
     * context length (32768 tokens)"), Ollama ("the prompt is longer than the context length ...") and
     * llama.cpp's legacy stream error ("the request exceeds the available context size").
     */
    static final Pattern CONTEXT_LENGTH_MESSAGE = Pattern.compile(
            "maximum context length is \\d+|longer than the (model's )?context length|exceeds? the available context size",
            Pattern.CASE_INSENSITIVE);

    private static final int MAX_QUOTED_CHARS = 500;

    private ModelErrorClassifier() {
    }

    /** An error status, before any streaming. */
    static ModelError httpError(ModelEndpoint endpoint, int status, String body) {
        ServerError error = ServerError.read(body);
        Reason reason = classify(status, error);
        String message = switch (reason) {
            case CONTEXT_LENGTH -> "The conversation is longer than the model's context window (model server "
                    + endpoint + ", HTTP " + status + "): " + error.message();
            case MODEL_NOT_FOUND -> "The model server " + endpoint + " does not serve the requested model (HTTP "
                    + status + "): " + error.message() + ". Check the served model name; GET /v1/models lists them.";
            default -> "The model server " + endpoint + " answered HTTP " + status + ": " + error.message() + hint(status);
        };
        return new ModelError(reason, endpoint.toString(), status, error.message(), message, null);
    }

    /** An error object that arrived in place of an answer, inside an HTTP 200 stream or body. */
    static ModelError streamError(ModelEndpoint endpoint, JsonElement errorEvent) {
        ServerError error = ServerError.read(errorEvent);
        Reason reason = classify(0, error);
        String message = reason == Reason.CONTEXT_LENGTH
                ? "The conversation is longer than the model's context window (model server " + endpoint + "): "
                        + error.message()
                : "The model server " + endpoint + " reported an error instead of finishing the answer: " + error.message();
        return new ModelError(reason, endpoint.toString(), 0, error.message(), message, null);
    }

    /**
     * A transport failure.
     *
     * @param cancelled whether the call was cancelled (the failure is its consequence)
     * @param responseStarted whether the response had started, so the failure cut the answer
     * @param readTimeoutMillis the read timeout in force, for the message
     */
    static ModelError transport(ModelEndpoint endpoint, IOException e, boolean cancelled, boolean responseStarted,
                                long readTimeoutMillis) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cancelled) {
            return new ModelError(Reason.CANCELLED, endpoint.toString(), "The request to " + endpoint + " was cancelled.");
        }
        if (e instanceof RefusedDestination) {
            return new ModelError(Reason.PERIMETER, endpoint.toString(), 0, null, "Not sent to " + endpoint + ": " + detail, e);
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            String limit = readTimeoutMillis % 1000 == 0 ? readTimeoutMillis / 1000 + " s" : readTimeoutMillis + " ms";
            String what = responseStarted
                    ? "sent nothing for " + limit + " in the middle of the answer"
                    : "did not answer in time (" + detail + "; the read timeout is " + limit + ")";
            return new ModelError(Reason.TIMEOUT, endpoint.toString(), 0, null,
                    "The model server " + endpoint + " " + what + ".", e);
        }
        if (e instanceof SseReader.OversizedLineException || (e instanceof ProtocolException && !responseStarted)) {
            return new ModelError(Reason.BAD_RESPONSE, endpoint.toString(), 0, null,
                    "The model server " + endpoint + " broke the HTTP or event-stream protocol: " + detail, e);
        }
        if (responseStarted) {
            return new ModelError(Reason.STREAM_CUT, endpoint.toString(), 0, null,
                    "The connection to the model server " + endpoint + " broke during the answer: " + detail, e);
        }
        String what = e instanceof ConnectException || e instanceof NoRouteToHostException
                ? "connection refused or unreachable. Is the server running, and is the URL right?"
                : e instanceof UnknownHostException ? "unknown host" : detail;
        return new ModelError(Reason.CONNECTION, endpoint.toString(), 0, null,
                "Cannot reach the model server " + endpoint + ": " + what, e);
    }

    /** The stream ended without {@code [DONE]} or a finish reason. */
    static ModelError streamCut(ModelEndpoint endpoint) {
        return new ModelError(Reason.STREAM_CUT, endpoint.toString(), "The model server " + endpoint
                + " closed the stream before the answer was complete (no finish_reason and no [DONE]).");
    }

    /** A 200 response that is not a chat completion. */
    static ModelError badResponse(ModelEndpoint endpoint, String what, String body) {
        return new ModelError(Reason.BAD_RESPONSE, endpoint.toString(), 0, null, "The model server " + endpoint
                + " answered something that is not a chat completion (" + what + "): " + quoteBody(body), null);
    }

    private static Reason classify(int status, ServerError error) {
        String type = error.type() == null ? "" : error.type();
        if (type.equals("exceed_context_size_error") || CONTEXT_LENGTH_MESSAGE.matcher(error.message()).find()) {
            return Reason.CONTEXT_LENGTH;
        }
        int effective = status != 0 ? status : error.code();
        boolean notFound = effective == 404 || type.equals("NotFoundError") || type.equals("not_found_error");
        if (notFound && error.message().toLowerCase(Locale.ROOT).contains("model")) {
            return Reason.MODEL_NOT_FOUND;
        }
        return status == 0 ? Reason.STREAM_ERROR : Reason.HTTP_ERROR;
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> ". Check the API key configured for this server.";
            case 404 -> ". Check the base URL: it should end in /v1 (e.g. http://127.0.0.1:8000/v1).";
            case 503 -> ". The server may still be loading the model.";
            default -> "";
        };
    }

    /** {@code text} on one line and at most {@value #MAX_QUOTED_CHARS} characters, to quote in a message. */
    private static String quote(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "(no message)";
        }
        return flat.length() <= MAX_QUOTED_CHARS ? flat : flat.substring(0, MAX_QUOTED_CHARS) + "...";
    }

    /** A body that is not JSON, such as a proxy's HTML error page, as quotable text. */
    private static String quoteBody(String body) {
        return quote(body == null ? null : body.replaceAll("<[^>]{0,200}>", " "));
    }

    /**
     * The fields of a server's error body.
     *
     * @param message the server's message, never null
     * @param type its error type, or null
     * @param code its numeric code, or 0
     */
    record ServerError(String message, String type, int code) {

        static ServerError read(String body) {
            JsonElement json = StrictJson.parse(body).orElse(null);
            return json == null ? new ServerError(quoteBody(body), null, 0) : read(json);
        }

        static ServerError read(JsonElement json) {
            if (!json.isJsonObject()) {
                return new ServerError(quote(json.toString()), null, 0);
            }
            JsonObject object = json.getAsJsonObject();
            JsonElement error = object.get("error");
            if (error != null && error.isJsonObject()) {
                return fields(error.getAsJsonObject());
            }
            if (error != null && error.isJsonPrimitive()) {
                return new ServerError(quote(error.getAsString()), null, 0);
            }
            if (object.has("message")) {
                return fields(object);
            }
            if (object.has("detail")) {
                JsonElement detail = object.get("detail");
                return new ServerError(quote(detail.isJsonPrimitive() ? detail.getAsString() : detail.toString()), null, 0);
            }
            return new ServerError(quote(object.toString()), null, 0);
        }

        private static ServerError fields(JsonObject error) {
            return new ServerError(quote(string(error, "message")), string(error, "type"), code(error.get("code")));
        }

        private static String string(JsonObject object, String key) {
            JsonElement value = object.get(key);
            return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
        }

        private static int code(JsonElement value) {
            return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsInt() : 0;
        }
    }
}
