package dev.daalu.server.runtime;

/**
 * Which model turns use and how it was chosen, as hosts show it (the {@code initialize} result, the
 * {@code daalu chat} banner).
 *
 * @param model the chosen catalog model, or null when no allowed tier can serve
 * @param routing the routing decision
 */
public record ModelStatus(Model model, Routing routing) {

    /**
     * @param id catalog id
     * @param displayName for people
     * @param servedName the name sent as {@code model}
     * @param contextWindow tokens of context
     */
    public record Model(String id, String displayName, String servedName, int contextWindow) { }

    /**
     * @param eligible whether an allowed, online tier is configured
     * @param tierId the chosen tier, or null
     * @param tierKind {@code own-gpu}, {@code daalu-pool}, {@code operator-override}, or null
     * @param endpoint the chosen tier's base URL, or null
     * @param reason why, in words for the user (or why no tier could be chosen, and how to add one)
     */
    public record Routing(boolean eligible, String tierId, String tierKind, String endpoint, String reason) { }
}
