package dev.daalu.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link ScriptedModelServer} serves: the model it claims to be and the answers to give, in order.
 *
 * <p>The JSON form (all fields but {@code steps} optional):
 * <pre>{@code
 * {
 *   "model": "qwen2.5-coder-14b",       // served name in GET /v1/models (default "scripted-model")
 *   "maxModelLen": 32768,               // its max_model_len (default 32768)
 *   "tokenize": true,                   // serve vLLM's POST /tokenize (default false: 404)
 *   "dialect": "vllm",                  // envelopes of generated steps: vllm | llamacpp | ollama (default vllm)
 *   "steps": [
 *     {"type": "replay", "fixture": "model-servers/vllm/stream-tool-call-single.sse"},
 *     {"type": "replay", "file": "/abs/path/recording.sse", "status": 200},
 *     {"type": "text", "text": "The main.tf file defines one bucket."},          // one chunk per word
 *     {"type": "text", "chunks": ["The ", "main", ".tf"]},
 *     {"type": "text", "text": "Hello", "chunks": 3},                            // three pieces
 *     {"type": "toolCalls", "calls": [{"name": "read_file", "arguments": {"path": "main.tf"}}],
 *      "fragments": 4, "content": "I'll read it."},
 *     {"type": "error", "status": 400, "body": {"error": {"message": "too long", "code": 400}}},
 *     {"type": "text", "text": "Never finished", "cutAfterChunks": 2},           // ends without [DONE]
 *     {"type": "text", "text": "Slow", "cutAfterChunks": 1, "holdOpen": true},  // open until the client leaves
 *     {"type": "text", "text": "One two", "delayMs": 50, "dialect": "ollama",
 *      "usage": {"prompt_tokens": 120, "completion_tokens": 2}, "finishReason": "length"}
 *   ]
 * }
 * }</pre>
 * Fixture names are those of {@link Fixtures} ({@code model-servers/...}, {@code cases/...}); a replay's
 * status defaults to 200 and its content type comes from the extension. {@code delayMs}, {@code cutAfterChunks}
 * and {@code holdOpen} also apply to replays, whose events are then sent one by one. A call's {@code id} may
 * be given; otherwise it is generated in the dialect's format. An error's {@code body} is JSON, or a string
 * sent as text/plain. Without {@code usage}, prompt tokens are what the scripted tokenizer counts ({@link ScriptedModelServer#promptTokens}) and
 * completion tokens the number of content chunks and argument fragments.
 *
 * @param model the served model name
 * @param maxModelLen the context window reported for it
 * @param tokenize whether {@code POST /tokenize} is served
 * @param steps the answers, one per chat request
 * @param toolless null, or the answer to every chat request that offers no tools (an agent's summary or condensing
 *     request), which then uses no step: the JSON form is {@code "toolless": {step}}
 */
public record Script(String model, int maxModelLen, boolean tokenize, List<Step> steps, Step toolless) {

    public static final String DEFAULT_MODEL = "scripted-model";
    public static final int DEFAULT_MAX_MODEL_LEN = 32768;

    public Script {
        Objects.requireNonNull(model, "model");
        steps = List.copyOf(steps);
    }

    public Script(String model, int maxModelLen, boolean tokenize, List<Step> steps) {
        this(model, maxModelLen, tokenize, steps, null);
    }

    /** A script for the default model with these steps. */
    public static Script of(Step... steps) {
        return new Script(DEFAULT_MODEL, DEFAULT_MAX_MODEL_LEN, false, List.of(steps));
    }

    /** Reads a script file. @throws IllegalArgumentException saying what is wrong and where */
    public static Script load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getParent());
    }

    /**
     * Parses the JSON form.
     *
     * @param baseDirectory where relative {@code file} paths of replays are resolved; null for the working directory
     * @throws IllegalArgumentException saying which step is wrong and why
     */
    public static Script parse(String json, Path baseDirectory) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("A script is a JSON object with a \"steps\" array: " + e.getMessage(), e);
        }
        try {
            Step.Delivery defaults = Step.Delivery.DEFAULT.dialect(dialect(root, Dialect.VLLM));
            Step toolless = null;
            if (root.has("toolless")) {
                try {
                    toolless = step(root.getAsJsonObject("toolless"), defaults, baseDirectory);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("The script's \"toolless\" step: " + e.getMessage(), e);
                }
            }
            return new Script(string(root, "model", DEFAULT_MODEL), integer(root, "maxModelLen", DEFAULT_MAX_MODEL_LEN),
                    root.has("tokenize") && root.get("tokenize").getAsBoolean(), steps(root, defaults, baseDirectory), toolless);
        } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("A field of the script has the wrong type: " + e.getMessage(), e);
        }
    }

    /** Parses the {@code steps} array of a JSON object, as the script file and {@code POST /_scripted/steps} hold it. */
    static List<Step> steps(JsonObject holder, Step.Delivery defaults, Path baseDirectory) {
        JsonElement steps = holder.get("steps");
        if (steps == null || !steps.isJsonArray()) {
            throw new IllegalArgumentException("A script needs a \"steps\" array");
        }
        List<Step> result = new ArrayList<>();
        JsonArray array = steps.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            try {
                result.add(step(array.get(i).getAsJsonObject(), defaults, baseDirectory));
            } catch (RuntimeException | IOException e) {
                throw new IllegalArgumentException("Step " + (i + 1) + " of the script: " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static Step step(JsonObject json, Step.Delivery defaults, Path baseDirectory) throws IOException {
        String type = string(json, "type", "");
        Step.Delivery delivery = delivery(json, defaults);
        return switch (type) {
            case "replay" -> replay(json, baseDirectory).with(delivery);
            case "text" -> new Step.Text(chunks(json), delivery);
            case "toolCalls" -> new Step.ToolCalls(calls(json), integer(json, "fragments", 3),
                    json.has("content") ? Step.words(json.get("content").getAsString()) : List.of(), delivery);
            case "error" -> {
                JsonElement body = json.get("body");
                boolean text = body != null && body.isJsonPrimitive();
                yield new Step.HttpError(integer(json, "status", 500), body == null ? "" : text ? body.getAsString()
                        : body.toString(), text ? "text/plain; charset=utf-8" : "application/json");
            }
            default -> throw new IllegalArgumentException("unknown type '" + type + "': one of replay, text, toolCalls, error");
        };
    }

    private static Step replay(JsonObject json, Path baseDirectory) throws IOException {
        int status = integer(json, "status", 200);
        if (json.has("fixture")) {
            return Step.replay(json.get("fixture").getAsString(), status);
        }
        if (!json.has("file")) {
            throw new IllegalArgumentException("a replay needs a \"fixture\" name or a \"file\" path");
        }
        Path file = Path.of(json.get("file").getAsString());
        Path resolved = baseDirectory == null || file.isAbsolute() ? file : baseDirectory.resolve(file);
        String name = resolved.getFileName().toString();
        return new Step.Replay(name, Files.readAllBytes(resolved), Fixtures.contentType(name), status,
                Step.Delivery.DEFAULT);
    }

    private static List<String> chunks(JsonObject json) {
        JsonElement chunks = json.get("chunks");
        if (chunks != null && chunks.isJsonArray()) {
            List<String> list = new ArrayList<>();
            chunks.getAsJsonArray().forEach(chunk -> list.add(chunk.getAsString()));
            return list;
        }
        if (!json.has("text")) {
            throw new IllegalArgumentException("a text step needs \"text\" or a \"chunks\" array");
        }
        String text = json.get("text").getAsString();
        return chunks == null ? Step.words(text) : Step.split(text, chunks.getAsInt());
    }

    private static List<Step.Call> calls(JsonObject json) {
        JsonElement calls = json.get("calls");
        if (calls == null || !calls.isJsonArray()) {
            throw new IllegalArgumentException("a toolCalls step needs a \"calls\" array");
        }
        List<Step.Call> result = new ArrayList<>();
        for (JsonElement element : calls.getAsJsonArray()) {
            JsonObject call = element.getAsJsonObject();
            if (!call.has("name")) {
                throw new IllegalArgumentException("every call needs a \"name\"");
            }
            JsonElement arguments = call.get("arguments");
            result.add(new Step.Call(call.get("name").getAsString(),
                    arguments != null && arguments.isJsonObject() ? arguments.getAsJsonObject() : new JsonObject(),
                    call.has("id") ? call.get("id").getAsString() : null));
        }
        return result;
    }

    private static Step.Delivery delivery(JsonObject json, Step.Delivery defaults) {
        Step.Delivery delivery = defaults.dialect(dialect(json, defaults.dialect()))
                .delay(Duration.ofMillis(integer(json, "delayMs", 0)))
                .cutAfter(integer(json, "cutAfterChunks", -1));
        if (json.has("holdOpen") && json.get("holdOpen").getAsBoolean()) {
            delivery = delivery.thenHoldOpen();
        }
        JsonElement usage = json.get("usage");
        if (usage != null && usage.isJsonObject()) {
            delivery = delivery.usage(new Step.Usage(integer(usage.getAsJsonObject(), "prompt_tokens", 0),
                    integer(usage.getAsJsonObject(), "completion_tokens", 0)));
        }
        return json.has("finishReason") ? delivery.finishReason(json.get("finishReason").getAsString()) : delivery;
    }

    private static Dialect dialect(JsonObject json, Dialect fallback) {
        if (!json.has("dialect")) {
            return fallback;
        }
        String name = json.get("dialect").getAsString();
        try {
            return Dialect.valueOf(name.toUpperCase(Locale.ROOT).replace(".", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dialect '" + name + "': one of vllm, llamacpp, ollama", e);
        }
    }

    private static String string(JsonObject json, String key, String fallback) {
        return json.has(key) ? json.get(key).getAsString() : fallback;
    }

    private static int integer(JsonObject json, String key, int fallback) {
        return json.has(key) ? json.get(key).getAsInt() : fallback;
    }
}
