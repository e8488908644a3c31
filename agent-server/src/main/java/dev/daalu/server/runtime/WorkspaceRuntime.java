package dev.daalu.server.runtime;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.agent.Agent;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.tool.ToolRegistry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Everything a host (the JSON-RPC server or {@code daalu chat}) needs for one open workspace: its index,
 * the agent, the stored sessions, the tools, and the model status. Obtained from a {@link WorkspaceOpener};
 * closed when the host shuts down.
 *
 * <p>Threading: all accessors are thread-safe; the objects they return are too.
 */
public interface WorkspaceRuntime extends AutoCloseable {

    /** The workspace's real root path. */
    Path root();

    RepoIndex index();

    Agent agent();

    SessionStore sessions();

    ToolRegistry tools();

    /** The model in use and the routing decision, as of now. */
    ModelStatus modelStatus();

    /** How tokens are counted, as of now. */
    TokenCountingStatus tokenCounting();

    /** Stops background work and closes the index. */
    @Override
    void close() throws IOException;
}
