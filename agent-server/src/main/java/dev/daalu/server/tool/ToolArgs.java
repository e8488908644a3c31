package dev.daalu.server.tool;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool call's arguments object with typed accessors whose errors tell the model exactly what was wrong,
 * e.g. "Argument 'start_line' must be an integer, got \"ten\"".
 *
 * <p>Arguments arrive as JSON text. Servers differ in spacing, key order and escaping, so nothing here
 * compares text; values are read from the parsed object. Numbers sent as strings ("10") and booleans sent as
 * strings ("true") are accepted, because small models send them that way and the meaning is unambiguous.
 */
public final class ToolArgs {

    private final JsonObject object;

    private ToolArgs(JsonObject object) {
        this.object = object;
    }

    /**
     * Parses the raw arguments text of a call to {@code tool}.
     *
     * @throws ToolException when the text is not one JSON object
     */
    public static ToolArgs parse(String tool, String raw) throws ToolException {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new ToolArgs(new JsonObject());
        }
        JsonElement parsed;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            parsed = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the object");
            }
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            throw new ToolException("The arguments of " + tool + " are not valid JSON (" + shortReason(e)
                    + "). Send one complete JSON object as the tool's schema describes. Nothing was run.");
        }
        if (!parsed.isJsonObject()) {
            throw new ToolException("The arguments of " + tool + " must be a JSON object as the tool's schema describes; got "
                    + describe(parsed) + ". Nothing was run.");
        }
        return new ToolArgs(parsed.getAsJsonObject());
    }

    public static ToolArgs of(JsonObject object) {
        return new ToolArgs(object.deepCopy());
    }

    /** The parsed object (a copy). */
    public JsonObject json() {
        return object.deepCopy();
    }

    public String requiredString(String name, String meaning) throws ToolException {
        String value = optionalString(name);
        if (value == null) {
            throw new ToolException("Argument '" + name + "' is required (" + meaning + ").");
        }
        return value;
    }

    /** A string argument, or null when absent or null. Empty strings are returned as they are. */
    public String optionalString(String name) throws ToolException {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        throw new ToolException("Argument '" + name + "' must be a string, got " + describe(value) + ".");
    }

    /** An integer argument within [min, max], or {@code fallback} when absent. */
    public int optionalInt(String name, int fallback, int min, int max) throws ToolException {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        long number;
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double d = value.getAsDouble();
            if (d != Math.rint(d)) {
                throw new ToolException("Argument '" + name + "' must be an integer, got " + value + ".");
            }
            number = (long) d;
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                && value.getAsString().strip().matches("-?\\d{1,10}")) {
            number = Long.parseLong(value.getAsString().strip());
        } else {
            throw new ToolException("Argument '" + name + "' must be an integer, got " + describe(value) + ".");
        }
        if (number < min || number > max) {
            throw new ToolException("Argument '" + name + "' must be between " + min + " and " + max + ", got " + number + ".");
        }
        return (int) number;
    }

    public boolean optionalBoolean(String name, boolean fallback) throws ToolException {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive p = value.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isString() && (p.getAsString().equalsIgnoreCase("true") || p.getAsString().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(p.getAsString());
            }
        }
        throw new ToolException("Argument '" + name + "' must be true or false, got " + describe(value) + ".");
    }

    /** A list of strings given as a JSON array of strings or as one string; empty when absent. */
    public List<String> optionalStrings(String name) throws ToolException {
        JsonElement value = object.get(name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return out;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            out.add(value.getAsString());
            return out;
        }
        if (value.isJsonArray()) {
            for (JsonElement item : value.getAsJsonArray()) {
                if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                    throw new ToolException("Argument '" + name + "' must be a list of strings, but it holds " + describe(item) + ".");
                }
                out.add(item.getAsString());
            }
            return out;
        }
        throw new ToolException("Argument '" + name + "' must be a string or a list of strings, got " + describe(value) + ".");
    }

    public boolean has(String name) {
        JsonElement value = object.get(name);
        return value != null && !value.isJsonNull();
    }

    private static String describe(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String shortReason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int see = message.indexOf("\nSee ");
        message = see >= 0 ? message.substring(0, see) : message;
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }
}
