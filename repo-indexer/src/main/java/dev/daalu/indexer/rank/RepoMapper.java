package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;

import java.io.IOException;

/**
 * Ranks files and definitions and renders a repo map that fits the request's token budget.
 *
 * <p>Threading: thread-safe. Implementations may cache the graph per {@link SymbolSource#generation()},
 * so a second map of an unchanged repository does no parsing and no graph building.
 */
public interface RepoMapper {

    RepoMap map(SymbolSource source, RepoMapRequest request) throws IOException;
}
