package dev.daalu.server.rpc;

import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.agent.Agent;
import dev.daalu.server.agent.SessionStore;
import dev.daalu.server.agent.TurnOutcome;
import dev.daalu.server.runtime.ModelStatus;
import dev.daalu.server.runtime.TokenCountingStatus;
import dev.daalu.server.runtime.WorkspaceRuntime;
import dev.daalu.server.tool.ToolRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.Mockito.mock;

/** A workspace runtime for host tests: a mocked index, a scriptable agent, real sessions in a temp directory. */
final class FakeRuntime implements WorkspaceRuntime {

    final Path root;
    final RepoIndex index = mock(RepoIndex.class);
    final SessionStore sessions;
    final AtomicInteger closes = new AtomicInteger();
    volatile Agent agent = (sessionId, turnId, message, listener, approver, cancel) ->
            new TurnOutcome(TurnOutcome.Kind.COMPLETED, "ok", null, 1);

    FakeRuntime(Path root) {
        this.root = root;
        this.sessions = new SessionStore(root.resolve(".sessions"), Clock.systemUTC());
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public RepoIndex index() {
        return index;
    }

    @Override
    public Agent agent() {
        return agent;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ToolRegistry tools() {
        return ToolRegistry.builtin();
    }

    @Override
    public ModelStatus modelStatus() {
        return new ModelStatus(new ModelStatus.Model("qwen2.5-coder-14b-awq", "Qwen2.5-Coder 14B AWQ", "qwen-14b", 8192),
                new ModelStatus.Routing(true, "gpu-1", "own-gpu", "http://127.0.0.1:8000/v1", "your own GPU is online"));
    }

    @Override
    public TokenCountingStatus tokenCounting() {
        return new TokenCountingStatus(false, "estimate: 3.6 chars per token from 4 responses");
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
