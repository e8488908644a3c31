package dev.daalu.server.protocol;

/**
 * {@code approval/request} result.
 *
 * @param decision {@code approve} or {@code deny}; anything else counts as deny
 * @param reason optional words from the user, passed to the model on a denial
 */
public record ApprovalResponse(String decision, String reason) {

    public static final String APPROVE = "approve";
    public static final String DENY = "deny";

    public boolean approved() {
        return APPROVE.equals(decision);
    }
}
