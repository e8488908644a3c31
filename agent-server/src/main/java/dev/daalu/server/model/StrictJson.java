package dev.daalu.server.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/**
 * Parses JSON the way the model server's own parser does: strictly, one value, nothing after it.
 * Gson's {@code JsonParser} is lenient (unquoted keys, single quotes, trailing text), which would
 * accept tool arguments that no server or tool would.
 */
final class StrictJson {

    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private StrictJson() {
    }

    /** The one JSON value {@code text} holds, or empty when it is not exactly one valid JSON value. */
    static Optional<JsonElement> parse(String text) {
        return Optional.ofNullable(parseOrError(text).value());
    }

    /** Like {@link #parse} but says why the text is not JSON. */
    static Parsed parseOrError(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "it is empty");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return new Parsed(null, "text follows the JSON value at " + reader.getPath());
            }
            return new Parsed(value, null);
        } catch (IOException | RuntimeException e) {
            return new Parsed(null, describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return "it is not valid JSON";
        }
        // Gson appends a troubleshooting link that means nothing to a model or a user
        int see = message.indexOf("\nSee ");
        return see < 0 ? message : message.substring(0, see);
    }

    /** A parse outcome: a value, or the reason there is none. */
    record Parsed(JsonElement value, String error) {
        boolean ok() {
            return value != null;
        }
    }
}
