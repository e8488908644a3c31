package dev.daalu.server.tool;

import com.google.gson.JsonObject;
import dev.daalu.server.model.ToolDefinition;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool's fixed name, its description for the model, the JSON Schema of its arguments, and its effect.
 *
 * @param name snake_case, fixed (the model calls it by this name)
 * @param description what it does and when to use it, at most {@link #MAX_DESCRIPTION_CHARS}
 * @param parameters JSON Schema of the arguments object
 * @param effect what running it can change
 */
public record ToolSpec(String name, String description, JsonObject parameters, Effect effect) {

    public static final int MAX_DESCRIPTION_CHARS = 600;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,40}");

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(effect, "effect");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be snake_case: " + name);
        }
        if (description.isBlank() || description.length() > MAX_DESCRIPTION_CHARS) {
            throw new IllegalArgumentException("tool description of " + name + " must be 1.." + MAX_DESCRIPTION_CHARS + " chars");
        }
    }

    public ToolDefinition definition() {
        return new ToolDefinition(name, description, parameters);
    }
}
