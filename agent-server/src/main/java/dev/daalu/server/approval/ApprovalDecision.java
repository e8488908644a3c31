package dev.daalu.server.approval;

/**
 * The user's answer to one {@link ApprovalRequest}.
 *
 * @param approved whether to go ahead
 * @param reason optional words from the user; on a denial they go to the model
 */
public record ApprovalDecision(boolean approved, String reason) {

    public static ApprovalDecision approve() {
        return new ApprovalDecision(true, null);
    }

    public static ApprovalDecision deny(String reason) {
        return new ApprovalDecision(false, reason);
    }
}
