package dev.daalu.server.approval;

import com.google.gson.JsonElement;

import java.util.Objects;

/**
 * One request for the user's approval.
 *
 * @param approvalId unique per request; an answer binds to this id and its preview only
 * @param sessionId the session
 * @param turnId the turn
 * @param callId the model's tool call id
 * @param tool the tool name
 * @param arguments the call's arguments as the model sent them (parsed)
 * @param preview what will happen
 */
public record ApprovalRequest(String approvalId, String sessionId, String turnId, String callId, String tool,
                              JsonElement arguments, ApprovalPreview preview) {

    public ApprovalRequest {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(preview, "preview");
    }
}
