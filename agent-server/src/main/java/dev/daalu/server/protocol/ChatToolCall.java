package dev.daalu.server.protocol;

import com.google.gson.JsonElement;

/**
 * {@code chat/toolCall}: the model called a tool.
 *
 * @param callId the tool call's id (matches the later {@code chat/toolResult} and any {@code approval/request})
 * @param tool the tool's name
 * @param arguments the parsed arguments object, or the raw text as a JSON string when it was not valid JSON
 * @param needsApproval whether an {@code approval/request} will follow before it runs
 */
public record ChatToolCall(String sessionId, String turnId, String callId, String tool, JsonElement arguments,
                           boolean needsApproval) { }
