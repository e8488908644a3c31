package dev.daalu.testkit;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chunk envelopes of one server, as recorded in {@code model-servers/}: field order, first and last
 * chunk, how tool calls are streamed and how arguments are formatted.
 * <ul>
 *   <li>{@link #VLLM}: first delta {@code {"role":"assistant","content":""}}; a tool call header with id, type,
 *       index and name, then argument fragments in Python {@code json.dumps} spacing; last delta
 *       {@code {"content":""}}; usage in prompt, total, completion order.</li>
 *   <li>{@link #LLAMACPP}: keys {@code choices, created, id, model, system_fingerprint, object}; first delta
 *       content null; header with {@code "arguments":""}; compact arguments; last delta {@code {}}.</li>
 *   <li>{@link #OLLAMA}: role and content on every delta; each call whole in one chunk, compact with sorted
 *       keys; {@code system_fingerprint:"fp_ollama"}.</li>
 * </ul>
 */
public enum Dialect {
    VLLM, LLAMACPP, OLLAMA;

    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    /** The events of a streamed answer: optional text chunks, then tool calls, then finish and usage. */
    List<JsonObject> events(Answer answer) {
        List<JsonObject> events = new ArrayList<>();
        events.add(chunk(answer, firstDelta()));
        for (String text : answer.content()) {
            events.add(chunk(answer, textDelta(text)));
        }
        for (int i = 0; i < answer.calls().size(); i++) {
            Step.Call call = answer.calls().get(i);
            String id = answer.callId(i);
            String arguments = arguments(call.arguments());
            if (this == OLLAMA) {
                JsonObject delta = textDelta("");
                delta.add("tool_calls", array(toolCall(id, i, call.name(), arguments)));
                events.add(chunk(answer, delta));
                continue;
            }
            events.add(chunk(answer, toolDelta(header(id, i, call.name()))));
            for (String fragment : Step.split(arguments, answer.fragments())) {
                JsonObject entry = new JsonObject();
                entry.addProperty("index", i);
                JsonObject function = new JsonObject();
                function.addProperty("arguments", fragment);
                entry.add("function", function);
                events.add(chunk(answer, toolDelta(entry)));
            }
        }
        JsonObject finish = chunk(answer, lastDelta());
        finish.getAsJsonArray("choices").get(0).getAsJsonObject().addProperty("finish_reason", answer.finishReason());
        events.add(finish);
        if (answer.includeUsage()) {
            JsonObject usage = envelope(answer, new JsonArray());
            usage.add("usage", usage(answer.usage()));
            events.add(usage);
        }
        return events;
    }

    /** The same answer as one {@code chat.completion} body, for a request that did not ask to stream. */
    JsonObject completion(Answer answer) {
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        String content = String.join("", answer.content());
        if (content.isEmpty() && !answer.calls().isEmpty() && this != OLLAMA) {
            message.add("content", JsonNull.INSTANCE);
        } else {
            message.addProperty("content", content);
        }
        if (!answer.calls().isEmpty()) {
            JsonArray calls = new JsonArray();
            for (int i = 0; i < answer.calls().size(); i++) {
                Step.Call call = answer.calls().get(i);
                calls.add(toolCall(answer.callId(i), i, call.name(), arguments(call.arguments())));
            }
            message.add("tool_calls", calls);
        }
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("message", message);
        choice.addProperty("finish_reason", answer.finishReason());
        JsonObject completion = envelope(answer, array(choice));
        completion.addProperty("object", "chat.completion");
        completion.add("usage", usage(answer.usage()));
        return completion;
    }

    /** A tool call id in this server's format. */
    String callId(long serial) {
        return switch (this) {
            case VLLM -> "chatcmpl-tool-" + String.format("%032x", serial);
            case LLAMACPP -> "call" + String.format("%028d", serial);
            case OLLAMA -> "call_" + String.format("%08x", serial);
        };
    }

    /** A response id in this server's format. */
    String responseId(long serial) {
        return switch (this) {
            case VLLM -> "chatcmpl-" + String.format("%032x", serial);
            case LLAMACPP -> "chatcmpl-" + String.format("%032d", serial);
            case OLLAMA -> "chatcmpl-" + (serial % 999);
        };
    }

    private JsonObject chunk(Answer answer, JsonObject delta) {
        JsonObject choice = new JsonObject();
        if (this == LLAMACPP) {
            choice.add("finish_reason", JsonNull.INSTANCE);
            choice.addProperty("index", 0);
            choice.add("delta", delta);
        } else {
            choice.addProperty("index", 0);
            choice.add("delta", delta);
            if (this == VLLM) {
                choice.add("logprobs", JsonNull.INSTANCE);
            }
            choice.add("finish_reason", JsonNull.INSTANCE);
        }
        return envelope(answer, array(choice));
    }

    private JsonObject envelope(Answer answer, JsonArray choices) {
        JsonObject json = new JsonObject();
        switch (this) {
            case LLAMACPP -> {
                json.add("choices", choices);
                json.addProperty("created", answer.created());
                json.addProperty("id", answer.id());
                json.addProperty("model", answer.model());
                json.addProperty("system_fingerprint", "b6550-testkit");
                json.addProperty("object", "chat.completion.chunk");
            }
            case VLLM, OLLAMA -> {
                json.addProperty("id", answer.id());
                json.addProperty("object", "chat.completion.chunk");
                json.addProperty("created", answer.created());
                json.addProperty("model", answer.model());
                if (this == OLLAMA) {
                    json.addProperty("system_fingerprint", "fp_ollama");
                }
                json.add("choices", choices);
            }
        }
        return json;
    }

    private JsonObject firstDelta() {
        JsonObject delta = new JsonObject();
        delta.addProperty("role", "assistant");
        if (this == LLAMACPP) {
            delta.add("content", JsonNull.INSTANCE);
        } else {
            delta.addProperty("content", "");
        }
        return delta;
    }

    private JsonObject textDelta(String text) {
        JsonObject delta = new JsonObject();
        if (this == OLLAMA) {
            delta.addProperty("role", "assistant");
        }
        delta.addProperty("content", text);
        return delta;
    }

    private JsonObject lastDelta() {
        return this == LLAMACPP ? new JsonObject() : textDelta("");
    }

    private static JsonObject toolDelta(JsonObject entry) {
        JsonObject delta = new JsonObject();
        delta.add("tool_calls", array(entry));
        return delta;
    }

    private JsonObject header(String id, int index, String name) {
        JsonObject function = new JsonObject();
        function.addProperty("name", name);
        JsonObject entry = new JsonObject();
        if (this == LLAMACPP) {
            function.addProperty("arguments", "");
            entry.addProperty("index", index);
            entry.addProperty("id", id);
            entry.addProperty("type", "function");
        } else {
            entry.addProperty("id", id);
            entry.addProperty("type", "function");
            entry.addProperty("index", index);
        }
        entry.add("function", function);
        return entry;
    }

    private static JsonObject toolCall(String id, int index, String name, String arguments) {
        JsonObject function = new JsonObject();
        function.addProperty("name", name);
        function.addProperty("arguments", arguments);
        JsonObject entry = new JsonObject();
        entry.addProperty("id", id);
        entry.addProperty("index", index);
        entry.addProperty("type", "function");
        entry.add("function", function);
        return entry;
    }

    private JsonObject usage(Step.Usage usage) {
        JsonObject json = new JsonObject();
        int total = usage.promptTokens() + usage.completionTokens();
        if (this == VLLM) {
            json.addProperty("prompt_tokens", usage.promptTokens());
            json.addProperty("total_tokens", total);
            json.addProperty("completion_tokens", usage.completionTokens());
        } else if (this == LLAMACPP) {
            json.addProperty("completion_tokens", usage.completionTokens());
            json.addProperty("prompt_tokens", usage.promptTokens());
            json.addProperty("total_tokens", total);
        } else {
            json.addProperty("prompt_tokens", usage.promptTokens());
            json.addProperty("completion_tokens", usage.completionTokens());
            json.addProperty("total_tokens", total);
        }
        return json;
    }

    /** Arguments as this server writes them: vLLM with Python's spacing, Ollama sorted and escaped the Go way. */
    String arguments(JsonObject arguments) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setFormattingStyle(this == VLLM ? FormattingStyle.COMPACT.withSpaceAfterSeparators(true)
                    : FormattingStyle.COMPACT);
            writer.setHtmlSafe(false);
            ELEMENTS.write(writer, this == OLLAMA ? sorted(arguments) : arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString();
        // Go's encoding/json escapes these three, and only these; they can only occur inside strings
        return this == OLLAMA ? text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") : text;
    }

    private static JsonElement sorted(JsonElement value) {
        if (!value.isJsonObject()) {
            return value;
        }
        Map<String, JsonElement> entries = new TreeMap<>();
        value.getAsJsonObject().entrySet().forEach(entry -> entries.put(entry.getKey(), sorted(entry.getValue())));
        JsonObject result = new JsonObject();
        entries.forEach(result::add);
        return result;
    }

    private static JsonArray array(JsonElement element) {
        JsonArray array = new JsonArray();
        array.add(element);
        return array;
    }

    /**
     * One generated answer.
     *
     * @param content text chunks before any call
     * @param calls tool calls
     * @param fragments pieces per call's argument text
     * @param includeUsage whether the request asked for a usage chunk
     */
    record Answer(String id, String model, long created, List<String> content, List<Step.Call> calls, List<String> callIds,
                  int fragments, String finishReason, Step.Usage usage, boolean includeUsage) {

        String callId(int index) {
            return callIds.get(index);
        }
    }
}
