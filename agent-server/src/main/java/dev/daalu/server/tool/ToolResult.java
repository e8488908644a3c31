package dev.daalu.server.tool;

import java.util.Objects;

/**
 * What the model is told about a tool call. Errors are results too: the model reads them and can retry.
 *
 * @param output the text for the model
 * @param error whether the call failed (bad arguments, refused path, failing command is NOT an error: it ran)
 * @param truncated whether {@code output} was cut to fit the call's cap
 */
public record ToolResult(String output, boolean error, boolean truncated) {

    public ToolResult {
        Objects.requireNonNull(output, "output");
    }

    public static ToolResult ok(String output) {
        return new ToolResult(output, false, false);
    }

    public static ToolResult ok(String output, boolean truncated) {
        return new ToolResult(output, false, truncated);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, true, false);
    }
}
