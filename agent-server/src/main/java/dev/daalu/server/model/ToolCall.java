package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool call as the model made it.
 *
 * @param id the call's id from the server, or a generated {@code gen-...} id when the server sent none;
 *     the same id goes into the replayed assistant message and the tool result's {@code tool_call_id}
 * @param name the tool's name
 * @param arguments the arguments as JSON text, exactly as assembled from the stream (an object sent
 *     by the server is re-serialised to text; a JSON string holding JSON is decoded once); it may be invalid
 *     JSON, which the agent reports back to the model instead of running the call
 */
public record ToolCall(String id, String name, String arguments) {

    /** The prefix of ids made up for calls the server sent without one. */
    public static final String GENERATED_ID_PREFIX = "gen-";

    private static final SecureRandom RANDOM = new SecureRandom();

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }

    /** A new id, unique within any conversation, for a call the server sent without one. */
    public static String generateId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return GENERATED_ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /**
     * The arguments as a JSON object, parsed strictly; blank arguments are an empty object (servers send
     * none for a call without parameters).
     *
     * @return empty when the text is not exactly one JSON object: the agent then tells the model the
     *     arguments were not valid JSON, and never runs the call
     */
    public Optional<JsonObject> argumentsObject() {
        if (arguments.isBlank()) {
            return Optional.of(new JsonObject());
        }
        return StrictJson.parse(arguments).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }
}
