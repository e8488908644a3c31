package dev.daalu.server.model;

import java.util.Objects;

/**
 * A tool call as the model made it.
 *
 * @param id the call's id from the server, or a generated {@code gen-...} id when the server sent none;
 *     the same id goes into the replayed assistant message and the tool result's {@code tool_call_id}
 * @param name the tool's name
 * @param arguments the arguments as JSON text, exactly as assembled from the stream (an object sent
 *     by the server is re-serialised to text); it may be invalid JSON, which the agent reports back
 *     to the model instead of running the call
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
