package dev.daalu.server.approval;

import dev.daalu.server.tool.ToolResult;

/**
 * What happened to one tool call at the gate.
 *
 * @param status ran (OK or ERROR), was denied, or was cancelled
 * @param result what the model is told
 */
public record GateOutcome(Status status, ToolResult result) {

    public enum Status { OK, ERROR, DENIED, CANCELLED }

    static GateOutcome of(ToolResult result) {
        return new GateOutcome(result.error() ? Status.ERROR : Status.OK, result);
    }
}
