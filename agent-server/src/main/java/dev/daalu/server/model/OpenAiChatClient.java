package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daalu.server.concurrent.CancelToken;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link ChatClient} for OpenAI-compatible servers (vLLM, llama.cpp, Ollama, SGLang):
 * {@code POST {base}/chat/completions} with {@code stream:true}, read as server-sent events; a server that
 * answers with one JSON body instead is read as well.
 *
 * <p>What it copes with is documented on {@link ToolCallAssembler} (tool call deltas),
 * {@link CompletionAssembler} (usage, reasoning), {@link ToolCallRecovery} (calls written as text, when
 * enabled for the model) and {@link ModelErrorClassifier} (errors). The answer is complete at
 * {@code data: [DONE]} or at a finish reason; a stream that ends before either is {@code STREAM_CUT}.
 *
 * <p>Threading: thread-safe; {@link #complete} blocks its caller while reading. Timeouts are the shared
 * {@link OkHttpClient}'s: its read timeout is the longest silence allowed between two chunks.
 * {@link CancelToken#cancel()} cancels the HTTP call at once, which closes the stream.
 *
 * <p>Example:
 * <pre>{@code
 * ChatClient client = new OpenAiChatClient(ModelHttpClients.create(ModelHttpClients.Timeouts.DEFAULT),
 *         ModelEndpoint.of("http://127.0.0.1:8000/v1"), true);
 * ChatCompletion answer = client.complete(request, listener, cancelToken);
 * }</pre>
 */
public final class OpenAiChatClient implements ChatClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;
    /** A whole answer is bounded by max_tokens; a body past this is not one. */
    private static final long MAX_ANSWER_BODY_BYTES = 32L * 1024 * 1024;

    private final OkHttpClient http;
    private final ModelEndpoint endpoint;
    private final boolean recoverTextToolCalls;

    /**
     * @param http the shared client (built by {@code routing.ModelHttpClients}); its timeouts apply
     * @param endpoint the server
     * @param recoverTextToolCalls whether tool calls the model wrote as text are read as calls; enable it for
     *     models that do so when the server does not parse them (the Qwen2.5-Coder and Qwen3-Coder profiles)
     */
    public OpenAiChatClient(OkHttpClient http, ModelEndpoint endpoint, boolean recoverTextToolCalls) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.recoverTextToolCalls = recoverTextToolCalls;
    }

    @Override
    public ChatCompletion complete(ChatRequest request, ChatStreamListener listener, CancelToken cancel) throws ModelError {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(cancel, "cancel");
        ChatStreamListener receiver = Objects.requireNonNullElse(listener, ChatStreamListener.NONE);
        if (cancel.isCancelled()) {
            throw new ModelError(ModelError.Reason.CANCELLED, endpoint.toString(), "The request to " + endpoint + " was cancelled.");
        }
        Request httpRequest = endpoint.request(endpoint.url("chat/completions"))
                .header("Accept", "text/event-stream, application/json")
                .post(RequestBody.create(ChatRequestEncoder.encode(request).toString(), JSON))
                .build();
        Call call = http.newCall(httpRequest);
        try (CancelToken.Registration ignored = cancel.onCancel(call::cancel)) {
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                throw transportError(e, cancel, call, false);
            }
            try (response) {
                if (!response.isSuccessful()) {
                    throw ModelErrorClassifier.httpError(endpoint, response.code(), readCapped(response.body()));
                }
                return answer(response.body(), request, receiver);
            } catch (IOException e) {
                throw transportError(e, cancel, call, true);
            }
        }
    }

    @Override
    public String endpoint() {
        return endpoint.toString();
    }

    private ChatCompletion answer(ResponseBody body, ChatRequest request, ChatStreamListener listener)
            throws IOException, ModelError {
        MediaType type = body.contentType();
        String subtype = type == null ? "" : type.subtype();
        BufferedSource source = body.source();
        if (subtype.equals("event-stream")) {
            return stream(source, request, listener);
        }
        if (subtype.contains("json")) {
            return whole(source, request, listener);
        }
        // no or an odd content type: go by what the body starts with
        String head = head(source);
        if (head.startsWith("{")) {
            return whole(source, request, listener);
        }
        if (head.isEmpty() || head.startsWith(":") || head.matches("(?s)(data|event|error|id|retry):.*")) {
            return stream(source, request, listener);
        }
        throw ModelErrorClassifier.badResponse(endpoint, "content type " + type, readCapped(body));
    }

    private ChatCompletion stream(BufferedSource source, ChatRequest request, ChatStreamListener listener)
            throws IOException, ModelError {
        CompletionAssembler assembler = new CompletionAssembler(listener);
        SseReader reader = new SseReader(source);
        boolean done = false;
        SseReader.Event event;
        while (!done && (event = reader.next()) != null) {
            String data = event.data().strip();
            if (data.equals("[DONE]")) {
                done = true;
            } else if (!data.isEmpty()) {
                JsonObject chunk = jsonObject(data);
                if (chunk == null) {
                    throw event.terminated() ? ModelErrorClassifier.badResponse(endpoint, "an event that is not JSON", data)
                            : ModelErrorClassifier.streamCut(endpoint);
                }
                if (event.type().equals("error") || isError(chunk)) {
                    throw ModelErrorClassifier.streamError(endpoint, chunk);
                }
                assembler.chunk(chunk);
            }
        }
        if (!done && !assembler.finished()) {
            throw ModelErrorClassifier.streamCut(endpoint);
        }
        return assembler.build(request, recoverTextToolCalls);
    }

    private ChatCompletion whole(BufferedSource source, ChatRequest request, ChatStreamListener listener)
            throws IOException, ModelError {
        if (source.request(MAX_ANSWER_BODY_BYTES + 1)) {
            throw ModelErrorClassifier.badResponse(endpoint, "a JSON body over " + MAX_ANSWER_BODY_BYTES + " bytes",
                    source.getBuffer().snapshot(200).utf8());
        }
        String text = source.readUtf8();
        JsonObject completion = jsonObject(text);
        if (completion == null) {
            throw ModelErrorClassifier.badResponse(endpoint, "a body that is not a JSON object", text);
        }
        if (isError(completion)) {
            throw ModelErrorClassifier.streamError(endpoint, completion);
        }
        CompletionAssembler assembler = new CompletionAssembler(listener);
        if (!assembler.message(completion)) {
            throw ModelErrorClassifier.badResponse(endpoint, "JSON without choices[0].message", text);
        }
        return assembler.build(request, recoverTextToolCalls);
    }

    private ModelError transportError(IOException e, CancelToken cancel, Call call, boolean responseStarted) {
        return ModelErrorClassifier.transport(endpoint, e, cancel.isCancelled() || call.isCanceled(), responseStarted,
                http.readTimeoutMillis());
    }

    /** The start of the body, without consuming it and without waiting for more than the first bytes. */
    private static String head(BufferedSource source) throws IOException {
        source.request(1);
        long size = Math.min(source.getBuffer().size(), 256);
        return source.getBuffer().snapshot((int) size).utf8().stripLeading();
    }

    private static JsonObject jsonObject(String text) {
        JsonElement json = StrictJson.parse(text).orElse(null);
        return json != null && json.isJsonObject() ? json.getAsJsonObject() : null;
    }

    private static boolean isError(JsonObject json) {
        JsonElement error = json.get("error");
        JsonElement object = json.get("object");
        return (error != null && !error.isJsonNull())
                || (object != null && object.isJsonPrimitive() && "error".equals(object.getAsString()));
    }

    private static String readCapped(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        source.request(MAX_ERROR_BODY_BYTES);
        long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES);
        return source.readString(size, StandardCharsets.UTF_8);
    }
}
