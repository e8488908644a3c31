package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server says it serves: {@code GET {base}/models}, and which kind of server it is.
 *
 * @param kind the server software, from {@code owned_by} ({@code vllm}, {@code llamacpp}) or, failing that,
 *     from Ollama's {@code GET /} greeting
 * @param models the served models, in the server's order
 */
public record ServedModels(ServerKind kind, List<ServedModel> models) {

    /** The server software, which decides the side endpoints a client can use. */
    public enum ServerKind { VLLM, LLAMA_CPP, OLLAMA, OTHER }

    /**
     * One served model.
     *
     * @param id the served name to put in requests
     * @param maxModelLen the context window the server reports ({@code max_model_len}: vLLM, SGLang), or null
     */
    public record ServedModel(String id, Integer maxModelLen) {
        public ServedModel {
            Objects.requireNonNull(id, "id");
        }
    }

    public ServedModels {
        Objects.requireNonNull(kind, "kind");
        models = List.copyOf(models);
    }

    /**
     * Asks the server.
     *
     * @throws ModelError when the server cannot be reached or does not answer a model list
     */
    public static ServedModels fetch(OkHttpClient http, ModelEndpoint endpoint) throws ModelError {
        ServerJson server = new ServerJson(http, endpoint);
        JsonElement answer = server.get(endpoint.url("models"));
        JsonElement data = answer.isJsonObject() ? answer.getAsJsonObject().get("data") : null;
        if (data == null || !data.isJsonArray()) {
            throw ModelErrorClassifier.badResponse(endpoint, "GET /models without a data array", answer.toString());
        }
        List<ServedModel> models = new ArrayList<>();
        ServerKind kind = ServerKind.OTHER;
        for (JsonElement entry : data.getAsJsonArray()) {
            JsonObject model = entry.isJsonObject() ? entry.getAsJsonObject() : new JsonObject();
            JsonElement id = model.get("id");
            if (id == null || !id.isJsonPrimitive()) {
                continue;
            }
            JsonElement length = model.get("max_model_len");
            boolean reportsLength = length != null && length.isJsonPrimitive() && length.getAsJsonPrimitive().isNumber();
            models.add(new ServedModel(id.getAsString(), reportsLength ? length.getAsInt() : null));
            kind = kind == ServerKind.OTHER ? kindOf(model.get("owned_by")) : kind;
        }
        if (kind == ServerKind.OTHER && isOllama(server)) {
            kind = ServerKind.OLLAMA;
        }
        return new ServedModels(kind, models);
    }

    public List<String> ids() {
        return models.stream().map(ServedModel::id).toList();
    }

    public Optional<ServedModel> find(String id) {
        return models.stream().filter(model -> model.id().equals(id)).findFirst();
    }

    /**
     * The served model named {@code id}.
     *
     * @throws ModelError {@link ModelError.Reason#MODEL_NOT_FOUND} naming the model and what the server serves
     */
    public ServedModel require(String id, ModelEndpoint endpoint) throws ModelError {
        Optional<ServedModel> model = find(id);
        if (model.isPresent()) {
            return model.get();
        }
        String served = models.isEmpty() ? "nothing" : String.join(", ", ids());
        throw new ModelError(ModelError.Reason.MODEL_NOT_FOUND, endpoint.toString(), 0, null,
                "The model server " + endpoint + " does not serve the model '" + id + "'; it serves: " + served
                        + ". Use one of these names (the server's --served-model-name or alias).", null);
    }

    private static ServerKind kindOf(JsonElement ownedBy) {
        String owner = ownedBy != null && ownedBy.isJsonPrimitive() ? ownedBy.getAsString() : "";
        return switch (owner) {
            case "vllm" -> ServerKind.VLLM;
            case "llamacpp" -> ServerKind.LLAMA_CPP;
            default -> ServerKind.OTHER;
        };
    }

    /** Ollama's models carry nothing of their own; its root answers "Ollama is running". */
    private static boolean isOllama(ServerJson server) {
        try {
            return server.getText(server.endpoint().rootUrl("")).strip().startsWith("Ollama is running");
        } catch (ModelError e) {
            return false;
        }
    }
}
