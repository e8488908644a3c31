package dev.daalu.server.tool.builtin;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.server.tool.Effect;
import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Schemas;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolResult;
import dev.daalu.server.tool.ToolSpec;

import java.io.IOException;
import java.util.List;

/**
 * {@code repo_map {focus?, max_tokens?}}: the ranked map of the repository's most important files and
 * definitions, leaning towards the files or identifiers in {@code focus}, within a token budget that never
 * exceeds the call's output cap.
 */
public final class RepoMapTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec("repo_map",
            "Show the repository's most important files and their definitions with line numbers, ranked by how the "
                    + "code references itself. Give focus (paths or identifiers) to centre the map on what you work on.",
            Schemas.object()
                    .stringList("focus", "Paths or identifiers to centre the map on")
                    .integer("max_tokens", "Budget for the map in tokens (default fits the model)",
                            RepoMapRequest.MIN_TOKENS, RepoMapRequest.MAX_TOKENS)
                    .build(),
            Effect.READ);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public Prepared prepare(ToolArgs args, ToolContext context) throws ToolException {
        List<String> focus = args.optionalStrings("focus");
        int cap = maxTokens(context.limits());
        int budget = Math.min(args.optionalInt("max_tokens", cap, RepoMapRequest.MIN_TOKENS, RepoMapRequest.MAX_TOKENS), cap);
        RepoMapRequest request = new RepoMapRequest(focus, budget);
        return Prepared.readOnly(cancel -> {
            RepoMap map;
            try {
                map = context.index().map(request);
            } catch (IOException e) {
                throw new ToolException("The repo map failed: " + e.getMessage());
            }
            if (map.text().isBlank()) {
                return ToolResult.ok("The repository has no indexed definitions yet (it may be empty, or still indexing).");
            }
            return ToolResult.ok(map.text());
        });
    }

    /** The map may take what one tool result may take, in tokens. */
    static int maxTokens(OutputLimits limits) {
        return Math.max(RepoMapRequest.MIN_TOKENS, Math.min(RepoMapRequest.MAX_TOKENS, limits.maxOutputChars() / 4));
    }
}
