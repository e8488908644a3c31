package dev.daalu.server.agent;

/**
 * Settings of the agent loop.
 *
 * @param maxSteps model calls per turn before the turn stops with {@link TurnOutcome.Kind#STEP_LIMIT}
 * @param mapShare share of the context window the system prompt's repo map may take
 * @param maxMapTokens cap on the repo map's tokens, whatever the window
 */
public record AgentConfig(int maxSteps, double mapShare, int maxMapTokens) {

    public static final int DEFAULT_MAX_STEPS = 25;

    public AgentConfig {
        if (maxSteps < 1 || maxSteps > 1000) {
            throw new IllegalArgumentException("maxSteps must be between 1 and 1000, got " + maxSteps);
        }
        if (mapShare < 0 || mapShare > 0.5) {
            throw new IllegalArgumentException("mapShare must be between 0 and 0.5, got " + mapShare);
        }
    }

    public static AgentConfig defaults() {
        return new AgentConfig(DEFAULT_MAX_STEPS, 0.10, 2048);
    }

    public AgentConfig withMaxSteps(int value) {
        return new AgentConfig(value, mapShare, maxMapTokens);
    }
}
