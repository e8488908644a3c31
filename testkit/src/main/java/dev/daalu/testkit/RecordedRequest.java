package dev.daalu.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the {@link ScriptedModelServer} received.
 *
 * @param method e.g. {@code POST}
 * @param path the path without the query, e.g. {@code /v1/chat/completions}
 * @param headers the headers, names in lower case
 * @param body the body as text
 * @param json the body parsed as JSON, or null when it is not JSON
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body, JsonElement json) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as a JSON object. @throws IllegalStateException when it is not one */
    public JsonObject jsonObject() {
        if (json == null || !json.isJsonObject()) {
            throw new IllegalStateException(method + " " + path + " had no JSON object body: " + body);
        }
        return json.getAsJsonObject();
    }

    /** Whether this is a chat completion request. */
    public boolean isChat() {
        return method.equals("POST") && path.equals("/v1/chat/completions");
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("method", method);
        json.addProperty("path", path);
        JsonObject headerJson = new JsonObject();
        headers.forEach((name, values) -> headerJson.addProperty(name, String.join(", ", values)));
        json.add("headers", headerJson);
        if (this.json != null) {
            json.add("body", this.json);
        } else {
            json.addProperty("body", body);
        }
        return json;
    }
}
