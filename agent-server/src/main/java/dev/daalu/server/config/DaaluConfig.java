package dev.daalu.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The effective configuration of one workspace, after every source was applied (see {@link ConfigLoader}).
 *
 * @param endpoint the user's own model server base URL (becomes an {@code operator-override} tier), or null
 * @param workspaceEndpoint an endpoint the workspace's {@code .daalu/config.json} asks for, or null; it is used only
 *     when it is an allowed tier of the user's configuration (a repository must not choose where its code goes)
 * @param model the catalog model chosen (id or served name), or null for the catalog's default
 * @param apiKey bearer key for {@code endpoint}, or null
 * @param contextWindow a smaller context window than the catalog's, when the user's server runs with less; or null
 * @param maxSteps model steps per turn
 * @param approvalTimeoutMinutes how long an approval waits before it counts as a denial
 * @param commandTimeoutSeconds run_command's default timeout
 * @param tiersFile where the tiers file is read from
 * @param stateDir where sessions and other state live
 * @param warnings what was ignored and why, for the user
 */
public record DaaluConfig(String endpoint, String workspaceEndpoint, String model, String apiKey, Integer contextWindow,
                          int maxSteps, int approvalTimeoutMinutes, int commandTimeoutSeconds, Path tiersFile,
                          Path stateDir, List<String> warnings) {

    public DaaluConfig {
        warnings = List.copyOf(warnings);
    }
}
