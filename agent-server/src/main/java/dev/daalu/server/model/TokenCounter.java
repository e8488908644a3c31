package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import okhttp3.OkHttpClient;

import java.util.List;
import java.util.Objects;

/**
 * Counts prompt tokens for context budgeting: exactly where the server offers a tokenizer (vLLM
 * {@code POST /tokenize} with the chat messages, so the chat template is counted; llama.cpp
 * {@code POST /apply-template} then {@code POST /tokenize}), otherwise by a local estimate in characters per
 * token, calibrated by {@link #calibrate} from the {@code prompt_tokens} of each answer's usage.
 *
 * <p>Counting never fails: when the tokenizer cannot be reached the call is estimated; when the server has
 * no tokenizer (HTTP 404/405/501) the counter stays in estimate mode. {@link #detail()} says which mode is
 * in use, e.g. {@code "exact: vLLM /tokenize"} or {@code "estimate: 3.4 chars per token from 5 responses"}.
 *
 * <p>Threading: thread-safe. Counting in exact mode makes a blocking HTTP call.
 */
public final class TokenCounter {

    /** How counts are made. */
    public enum Mode { EXACT, ESTIMATE }

    /** Chars per token before any answer calibrated it: Qwen's tokenizer on code and English prose. */
    static final double DEFAULT_CHARS_PER_TOKEN = 3.5;

    private final ServerJson server;
    private final String model;
    private final ServedModels.ServerKind kind;
    private long measuredChars;
    private long measuredTokens;
    private int measuredResponses;
    private String noTokenizer;

    private TokenCounter(ServerJson server, String model, ServedModels.ServerKind kind, String noTokenizer) {
        this.server = server;
        this.model = model;
        this.kind = kind;
        this.noTokenizer = noTokenizer;
    }

    /** A counter for {@code model} on a server of {@code kind}: exact for vLLM and llama.cpp. */
    public static TokenCounter forServer(OkHttpClient http, ModelEndpoint endpoint, String model,
                                         ServedModels.ServerKind kind) {
        String noTokenizer = switch (kind) {
            case VLLM, LLAMA_CPP -> null;
            case OLLAMA -> "Ollama has no tokenize endpoint";
            case OTHER -> "the server's tokenizer is unknown";
        };
        return new TokenCounter(new ServerJson(http, endpoint), Objects.requireNonNull(model, "model"), kind, noTokenizer);
    }

    /** A counter that only estimates, for when no server is known. */
    public static TokenCounter estimating() {
        return new TokenCounter(null, null, ServedModels.ServerKind.OTHER, "no server to ask");
    }

    public synchronized Mode mode() {
        return noTokenizer == null ? Mode.EXACT : Mode.ESTIMATE;
    }

    /** The mode and its basis, for the log. */
    public synchronized String detail() {
        if (noTokenizer == null) {
            return kind == ServedModels.ServerKind.VLLM ? "exact: vLLM /tokenize" : "exact: llama.cpp /apply-template + /tokenize";
        }
        String basis = measuredResponses == 0
                ? String.format("%.1f chars per token (default; no answer measured yet)", charsPerToken())
                : String.format("%.1f chars per token from %d response%s", charsPerToken(), measuredResponses,
                        measuredResponses == 1 ? "" : "s");
        return "estimate: " + basis + " (" + noTokenizer + ")";
    }

    /** The prompt tokens of {@code messages} with {@code tools}, chat template included where exact. */
    public int count(List<ChatMessage> messages, List<ToolDefinition> tools) {
        if (mode() == Mode.EXACT) {
            try {
                return kind == ServedModels.ServerKind.VLLM ? vllmMessages(messages, tools) : llamaCppMessages(messages, tools);
            } catch (ModelError e) {
                noteFailure(e);
            }
        }
        return estimate(promptChars(messages, tools));
    }

    /** The tokens of a plain text, without special tokens. */
    public int countText(String text) {
        if (mode() == Mode.EXACT) {
            try {
                return kind == ServedModels.ServerKind.VLLM ? vllmText(text) : llamaCppTokens(text);
            } catch (ModelError e) {
                noteFailure(e);
            }
        }
        return estimate(text.length());
    }

    /**
     * Calibrates the estimate with what the server counted for a request it answered. Call it after every
     * answer; answers without usage are ignored.
     */
    public synchronized void calibrate(ChatRequest request, Usage usage) {
        if (usage == null || usage.promptTokens() <= 0) {
            return;
        }
        measuredChars += promptChars(request.messages(), request.tools());
        measuredTokens += usage.promptTokens();
        measuredResponses++;
    }

    private synchronized double charsPerToken() {
        return measuredTokens == 0 ? DEFAULT_CHARS_PER_TOKEN : (double) measuredChars / measuredTokens;
    }

    private int estimate(long chars) {
        return (int) Math.ceil(chars / charsPerToken());
    }

    /** A tokenizer that is not there stays absent; any other failure costs only this count its precision. */
    private synchronized void noteFailure(ModelError e) {
        int status = e.httpStatus();
        if (status == 404 || status == 405 || status == 501) {
            noTokenizer = "the server has no /tokenize: HTTP " + status;
        }
    }

    private int vllmMessages(List<ChatMessage> messages, List<ToolDefinition> tools) throws ModelError {
        JsonObject body = new JsonObject();
        body.addProperty("model", model);
        body.add("messages", ChatRequestEncoder.messages(messages));
        body.addProperty("add_generation_prompt", true);
        if (!tools.isEmpty()) {
            body.add("tools", ChatRequestEncoder.tools(tools));
        }
        return count(server.post(server.endpoint().rootUrl("tokenize"), body));
    }

    private int vllmText(String text) throws ModelError {
        JsonObject body = new JsonObject();
        body.addProperty("model", model);
        body.addProperty("prompt", text);
        body.addProperty("add_special_tokens", false);
        return count(server.post(server.endpoint().rootUrl("tokenize"), body));
    }

    private int llamaCppMessages(List<ChatMessage> messages, List<ToolDefinition> tools) throws ModelError {
        JsonObject body = new JsonObject();
        body.add("messages", ChatRequestEncoder.messages(messages));
        if (!tools.isEmpty()) {
            body.add("tools", ChatRequestEncoder.tools(tools));
        }
        JsonElement rendered = server.post(server.endpoint().rootUrl("apply-template"), body);
        JsonElement prompt = rendered.isJsonObject() ? rendered.getAsJsonObject().get("prompt") : null;
        if (prompt == null || !prompt.isJsonPrimitive()) {
            throw ModelErrorClassifier.badResponse(server.endpoint(), "/apply-template without a prompt", rendered.toString());
        }
        return llamaCppTokens(prompt.getAsString());
    }

    private int llamaCppTokens(String text) throws ModelError {
        JsonObject body = new JsonObject();
        body.addProperty("content", text);
        body.addProperty("add_special", false);
        body.addProperty("with_pieces", false);
        JsonElement answer = server.post(server.endpoint().rootUrl("tokenize"), body);
        JsonElement tokens = answer.isJsonObject() ? answer.getAsJsonObject().get("tokens") : null;
        if (tokens == null || !tokens.isJsonArray()) {
            throw ModelErrorClassifier.badResponse(server.endpoint(), "/tokenize without tokens", answer.toString());
        }
        return tokens.getAsJsonArray().size();
    }

    private int count(JsonElement answer) throws ModelError {
        JsonElement count = answer.isJsonObject() ? answer.getAsJsonObject().get("count") : null;
        if (count == null || !count.isJsonPrimitive() || !count.getAsJsonPrimitive().isNumber()) {
            throw ModelErrorClassifier.badResponse(server.endpoint(), "/tokenize without a count", answer.toString());
        }
        return count.getAsInt();
    }

    /** What the estimate measures: the text the chat template renders, without its markers. */
    private static long promptChars(List<ChatMessage> messages, List<ToolDefinition> tools) {
        long chars = 0;
        for (ChatMessage message : messages) {
            chars += message.content() == null ? 0 : message.content().length();
            for (ToolCall call : message.toolCalls()) {
                chars += call.name().length() + call.arguments().length();
            }
        }
        return chars + (tools.isEmpty() ? 0 : ChatRequestEncoder.tools(tools).toString().length());
    }
}
