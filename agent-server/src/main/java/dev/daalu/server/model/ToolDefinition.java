package dev.daalu.server.model;

import com.google.gson.JsonObject;

import java.util.Objects;

/**
 * A function the model may call, sent in the request's {@code tools} array.
 *
 * @param name the tool name
 * @param description what it does, for the model
 * @param parameters the JSON Schema of its arguments object
 */
public record ToolDefinition(String name, String description, JsonObject parameters) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
