package dev.daalu.server.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.HashMap;
import java.util.Map;

/**
 * Notices a model that repeats itself: the same tool with the same arguments {@value #MAX_REPEATS} times in
 * one turn. Arguments are compared as parsed JSON (servers differ in spacing and key order), falling back to
 * the raw text when they do not parse. Not thread-safe: one guard per turn.
 */
public final class LoopGuard {

    static final int MAX_REPEATS = 3;

    private final Map<String, Integer> seen = new HashMap<>();

    /** Records a call; returns true when this call makes it the {@value #MAX_REPEATS}th identical one. */
    public boolean repeats(String tool, String arguments) {
        String key = tool + "\u0000" + canonical(arguments);
        return seen.merge(key, 1, Integer::sum) >= MAX_REPEATS;
    }

    /** Parsed JSON with keys sorted, so equal arguments compare equal whatever their spelling. */
    static String canonical(String arguments) {
        try {
            JsonElement parsed = JsonParser.parseString(arguments == null || arguments.isBlank() ? "{}" : arguments);
            return sorted(parsed).toString();
        } catch (JsonSyntaxException e) {
            return "raw:" + arguments;
        }
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            com.google.gson.JsonObject out = new com.google.gson.JsonObject();
            element.getAsJsonObject().keySet().stream().sorted()
                    .forEach(key -> out.add(key, sorted(element.getAsJsonObject().get(key))));
            return out;
        }
        if (element.isJsonArray()) {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            element.getAsJsonArray().forEach(item -> out.add(sorted(item)));
            return out;
        }
        return element;
    }
}
