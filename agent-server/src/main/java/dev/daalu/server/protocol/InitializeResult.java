package dev.daalu.server.protocol;

import java.util.List;

/**
 * {@code initialize} result.
 *
 * @param serverInfo this server
 * @param model the model turns will use, or null when no allowed tier can serve (see {@code routing})
 * @param routing which inference tier was chosen and why, or why none could be
 * @param capabilities what this server offers
 */
public record InitializeResult(ServerInfo serverInfo, ModelInfo model, RoutingInfo routing, Capabilities capabilities) {

    public record ServerInfo(String name, String version) { }

    /**
     * @param id catalog id, e.g. {@code qwen2.5-coder-14b-awq}
     * @param displayName for people, e.g. "Qwen2.5-Coder 14B AWQ"
     * @param servedName the name the model server serves it under (sent as {@code model})
     * @param contextWindow tokens of context
     */
    public record ModelInfo(String id, String displayName, String servedName, int contextWindow) { }

    /**
     * @param eligible whether an allowed, online tier is configured
     * @param tierId the chosen tier's id, or null
     * @param tierKind {@code own-gpu}, {@code daalu-pool} or {@code operator-override}, or null
     * @param endpoint the chosen tier's base URL, or null
     * @param reason why this tier was chosen, or why none could be, in words for the user
     */
    public record RoutingInfo(boolean eligible, String tierId, String tierKind, String endpoint, String reason) { }

    /**
     * @param tools the tools the agent may call
     * @param approvalTools the tools that need the user's approval before they run
     */
    public record Capabilities(List<String> tools, List<String> approvalTools, boolean streaming, boolean sessions) { }
}
