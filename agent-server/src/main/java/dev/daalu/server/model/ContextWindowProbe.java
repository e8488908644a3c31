package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import okhttp3.OkHttpClient;

import java.util.Map;
import java.util.Optional;

/**
 * Asks a server how many tokens a request to a model may hold: vLLM's (and SGLang's) {@code max_model_len}
 * in {@code /v1/models}, llama.cpp's {@code n_ctx} of a slot in {@code /props}, Ollama's
 * {@code context_length} of the loaded model in {@code /api/ps}.
 *
 * <p>Ollama tells only for a loaded model; for one not loaded the window is assumed to be Ollama's default,
 * {@value #OLLAMA_DEFAULT_CONTEXT} tokens (or the model's training context if that is smaller, from
 * {@code /api/show}), and the source says it is an assumption: Ollama silently drops old messages beyond it.
 */
public final class ContextWindowProbe {

    /** Ollama's context when OLLAMA_CONTEXT_LENGTH is not set. */
    public static final int OLLAMA_DEFAULT_CONTEXT = 4096;

    /**
     * A context window.
     *
     * @param tokens prompt and answer together
     * @param source where the figure comes from, for the log and {@code daalu doctor}-style output
     */
    public record ContextWindow(int tokens, String source) {
    }

    private final ServerJson server;

    public ContextWindowProbe(OkHttpClient http, ModelEndpoint endpoint) {
        this.server = new ServerJson(http, endpoint);
    }

    /**
     * The context window of {@code model}.
     *
     * @param served what the server serves, from {@link ServedModels#fetch}
     * @return empty when the server does not tell
     * @throws ModelError when a side endpoint the server should have fails
     */
    public Optional<ContextWindow> probe(ServedModels served, String model) throws ModelError {
        Integer reported = served.find(model).map(ServedModels.ServedModel::maxModelLen).orElse(null);
        if (reported != null) {
            return Optional.of(new ContextWindow(reported, "max_model_len of " + model + " in GET /v1/models"));
        }
        return switch (served.kind()) {
            case LLAMA_CPP -> llamaCppSlotContext();
            case OLLAMA -> Optional.of(ollamaContext(model));
            case VLLM, OTHER -> Optional.empty();
        };
    }

    private Optional<ContextWindow> llamaCppSlotContext() throws ModelError {
        JsonElement props = server.get(server.endpoint().rootUrl("props"));
        Integer slot = integer(object(props, "default_generation_settings"), "n_ctx");
        return Optional.ofNullable(slot).map(tokens -> new ContextWindow(tokens, "n_ctx of a slot in llama.cpp GET /props"));
    }

    private ContextWindow ollamaContext(String model) throws ModelError {
        JsonElement running = server.get(server.endpoint().rootUrl("api/ps"));
        JsonElement models = running.isJsonObject() ? running.getAsJsonObject().get("models") : null;
        if (models != null && models.isJsonArray()) {
            for (JsonElement entry : models.getAsJsonArray()) {
                JsonObject loaded = entry.isJsonObject() ? entry.getAsJsonObject() : new JsonObject();
                Integer length = integer(loaded, "context_length");
                if (length != null && (model.equals(string(loaded, "name")) || model.equals(string(loaded, "model")))) {
                    return new ContextWindow(length, "context_length of the loaded " + model + " in Ollama GET /api/ps");
                }
            }
        }
        JsonObject request = new JsonObject();
        request.addProperty("model", model);
        Integer trained = trainingContext(server.post(server.endpoint().rootUrl("api/show"), request));
        int assumed = trained == null ? OLLAMA_DEFAULT_CONTEXT : Math.min(trained, OLLAMA_DEFAULT_CONTEXT);
        return new ContextWindow(assumed, "assumed: Ollama's default context (" + model + " is not loaded, so GET /api/ps"
                + " cannot tell; OLLAMA_CONTEXT_LENGTH changes it)");
    }

    /** {@code model_info.<architecture>.context_length} of {@code /api/show}. */
    private static Integer trainingContext(JsonElement show) {
        JsonObject info = object(show, "model_info");
        for (Map.Entry<String, JsonElement> entry : info.entrySet()) {
            if (entry.getKey().endsWith(".context_length") && entry.getValue().isJsonPrimitive()
                    && entry.getValue().getAsJsonPrimitive().isNumber()) {
                return entry.getValue().getAsInt();
            }
        }
        return null;
    }

    private static JsonObject object(JsonElement json, String key) {
        JsonElement value = json != null && json.isJsonObject() ? json.getAsJsonObject().get(key) : null;
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static Integer integer(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsInt() : null;
    }

    private static String string(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
