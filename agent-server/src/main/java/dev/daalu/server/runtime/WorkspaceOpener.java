package dev.daalu.server.runtime;

import dev.daalu.indexer.IndexListener;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a workspace for a host: resolves its root, opens (or creates) its index and starts the first
 * index pass in the background, reporting progress to {@code progress}, and wires the agent.
 */
@FunctionalInterface
public interface WorkspaceOpener {

    /**
     * @throws IOException when the root is not a readable directory or its index cannot be opened, with a message
     *     saying which
     */
    WorkspaceRuntime open(Path root, IndexListener progress) throws IOException;
}
