package dev.daalu.server.routing;

import java.util.List;
import java.util.Objects;

/**
 * One model of the catalog.
 *
 * @param id stable id, e.g. {@code qwen2.5-coder-14b-awq}
 * @param displayName for people
 * @param servedNames names servers serve it under; the first that a tier's {@code /v1/models} lists is sent as {@code model}
 * @param minGpuMemoryGb the smallest GPU (GB) that holds it with its context
 * @param contextWindow tokens of context it is launched with
 * @param maxAnswerTokens tokens reserved for each answer
 * @param textToolCallFallback whether tool calls written as text are recovered for this model (its servers' parsers miss some)
 */
public record CatalogModel(String id, String displayName, List<String> servedNames, int minGpuMemoryGb,
                           int contextWindow, int maxAnswerTokens, boolean textToolCallFallback) {

    public CatalogModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        servedNames = List.copyOf(servedNames);
        if (servedNames.isEmpty() || minGpuMemoryGb <= 0 || contextWindow < 2048 || maxAnswerTokens <= 0
                || maxAnswerTokens >= contextWindow / 2) {
            throw new IllegalArgumentException("catalog entry " + id + " is incomplete or implausible");
        }
    }
}
