package dev.daalu.server.protocol;

/** {@code approval/withdrawn}: a pending approval no longer matters; the client should remove its prompt. */
public record ApprovalWithdrawn(String sessionId, String turnId, String approvalId, String reason) { }
