package dev.daalu.server.rpc;

import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.runtime.WorkspaceRuntime;

/**
 * The lifecycle of one connection's server: not initialized, initializing, ready (holding the open workspace),
 * shut down. Requests that need the workspace ask {@link #runtime()}, which answers the documented error in every
 * other phase.
 *
 * <p>Thread-safe.
 */
public final class ServerState {

    private enum Phase { NEW, INITIALIZING, READY, SHUT_DOWN }

    private Phase phase = Phase.NEW;
    private WorkspaceRuntime runtime;

    /** Claims the one {@code initialize}; fails when it already ran, runs, or the server is shut down. */
    public synchronized void beginInitialize() {
        switch (phase) {
            case NEW -> phase = Phase.INITIALIZING;
            case INITIALIZING, READY -> throw RpcErrors.error(ErrorCodes.INVALID_REQUEST, "initialize was already called");
            case SHUT_DOWN -> throw shuttingDown();
        }
    }

    /**
     * Records the opened workspace. When the server was shut down while it opened, the runtime is closed and the
     * request fails.
     */
    public void initialized(WorkspaceRuntime opened) throws java.io.IOException {
        synchronized (this) {
            if (phase == Phase.INITIALIZING) {
                runtime = opened;
                phase = Phase.READY;
                return;
            }
        }
        opened.close();
        throw shuttingDown();
    }

    /** Lets a later {@code initialize} try again after this one failed. */
    public synchronized void initializeFailed() {
        if (phase == Phase.INITIALIZING) {
            phase = Phase.NEW;
        }
    }

    /** The open workspace; throws the JSON-RPC error for every phase but ready. */
    public synchronized WorkspaceRuntime runtime() {
        return switch (phase) {
            case READY -> runtime;
            case NEW, INITIALIZING -> throw RpcErrors.error(ErrorCodes.SERVER_NOT_INITIALIZED,
                    "The server is not initialized: send 'initialize' with the workspace root first");
            case SHUT_DOWN -> throw shuttingDown();
        };
    }

    /** The open workspace, or null in any other phase; for notifications, which get no error. */
    public synchronized WorkspaceRuntime runtimeOrNull() {
        return phase == Phase.READY ? runtime : null;
    }

    public synchronized boolean isInitialized() {
        return phase == Phase.READY;
    }

    /** Moves to shut down; returns the runtime for the caller to close (null when none was open or already taken). */
    public synchronized WorkspaceRuntime shutDown() {
        phase = Phase.SHUT_DOWN;
        WorkspaceRuntime open = runtime;
        runtime = null;
        return open;
    }

    private static RuntimeException shuttingDown() {
        return RpcErrors.error(ErrorCodes.INVALID_REQUEST, "The server is shutting down");
    }
}
