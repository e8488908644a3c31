package dev.daalu.server.agent;

import dev.daalu.server.approval.ApprovalGate;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.ToolCall;
import dev.daalu.server.tool.ToolFixture;
import dev.daalu.server.tool.ToolRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop with small context windows: every request fits, older results are shortened, history is condensed. */
class ContextFittingLoopTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private SessionStore sessions;
    private final PromptTokens tokens = PromptTokens.estimate();
    private final List<Integer> summaries = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
        sessions = new SessionStore(temp.resolve("sessions"), Clock.systemUTC());
        for (int f = 0; f < 30; f++) {
            fixture.write("modules/m" + f + "/main.tf", IntStream.rangeClosed(1, 400)
                    .mapToObj(i -> "  attribute_" + i + " = \"value number " + i + "\"").collect(Collectors.joining("\n", "", "\n")));
        }
    }

    private AgentLoop loop(ScriptedChatClient model, int window) {
        ModelTarget target = new ModelTarget(model, "qwen2.5-coder-14b", window, 1024, tokens);
        return new AgentLoop(() -> target, ToolRegistry.builtin(), fixture.context, new ApprovalGate(Duration.ofSeconds(5)),
                new PromptBuilder(fixture.root, fixture.index), sessions, AgentConfig.defaults().withMaxSteps(40));
    }

    private static boolean isSummaryRequest(ChatRequest request) {
        return Condenser.INSTRUCTION.equals(request.messages().get(0).content());
    }

    /** A model that reads one file per step for {@code steps} steps, then answers; summary requests are answered too. */
    private ScriptedChatClient reader(int steps) {
        ScriptedChatClient model = new ScriptedChatClient();
        int[] step = {0};
        for (int i = 0; i < steps * 3 + 10; i++) {
            model.then((request, listener, cancel) -> {
                if (isSummaryRequest(request)) {
                    summaries.add(step[0]);
                    return new ChatCompletion("SUMMARY: read modules m0..m" + (step[0] - 1) + "; nothing changed yet.",
                            null, List.of(), "stop", null, List.of());
                }
                int n = step[0]++;
                if (n < steps) {
                    return new ChatCompletion(null, null, List.of(new ToolCall("c" + n, "read_file",
                            "{\"path\":\"modules/m" + n + "/main.tf\"}")), "tool_calls", null, List.of());
                }
                return new ChatCompletion("All thirty modules read.", null, List.of(), "stop", null, List.of());
            });
        }
        return model;
    }

    @Test
    void aThirtyStepTaskAtAnEightKWindowNeverSendsARequestOverItsBudget() throws Exception {
        ScriptedChatClient model = reader(30);

        TurnOutcome outcome = loop(model, 8192).runTurn(sessions.create().id(), "t", "read every module", TurnListener.NONE,
                null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind(), outcome.text());
        assertEquals(31, outcome.steps());
        for (ChatRequest request : model.requests) {
            int sent = tokens.count(request.messages(), request.tools());
            assertTrue(sent + request.maxTokens() <= 8192, "request of " + sent + " tokens + answer reserve exceeds 8192");
        }
        assertTrue(!summaries.isEmpty(), "the history was condensed at least once");
        ChatRequest last = model.requests.get(model.requests.size() - 1);
        assertTrue(last.messages().get(0).content().contains("SUMMARY: read modules"), "the summary is in the system prompt");
        assertEquals("read every module", last.messages().get(1).content(), "the user's message stays verbatim");
    }

    @Test
    void atA65kWindowTheSameTaskNeedsNoCondensing() throws Exception {
        ScriptedChatClient model = reader(10);

        TurnOutcome outcome = loop(model, 65536).runTurn(sessions.create().id(), "t", "read ten modules", TurnListener.NONE,
                null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertTrue(summaries.isEmpty());
        ChatRequest last = model.requests.get(model.requests.size() - 1);
        assertTrue(last.messages().stream().noneMatch(m -> m.content() != null && m.content().contains("shortened")));
    }

    @Test
    void theServersContextLengthErrorTriggersOneCondensingRetryThenAClearError() throws Exception {
        String session = sessions.create().id();
        ScriptedChatClient first = new ScriptedChatClient().thenText("First answer.");
        loop(first, 8192).runTurn(session, "t1", "first question", TurnListener.NONE, null, CancelToken.none());

        ModelError tooLong = new ModelError(ModelError.Reason.CONTEXT_LENGTH, "http://127.0.0.1:1/v1",
                "This model's maximum context length is 8192 tokens");
        ScriptedChatClient model = new ScriptedChatClient()
                .then((request, listener, cancel) -> {
                    throw tooLong;
                })
                .then((request, listener, cancel) -> new ChatCompletion("SUMMARY: asked a first question.", null, List.of(), "stop", null, List.of()))
                .thenText("Second answer.");

        TurnOutcome outcome = loop(model, 8192).runTurn(session, "t2", "second question", TurnListener.NONE, null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind(), outcome.text());
        assertTrue(isSummaryRequest(model.requests.get(1)));
        assertTrue(model.requests.get(2).messages().get(0).content().contains("SUMMARY: asked a first question."));

        ScriptedChatClient stubborn = new ScriptedChatClient()
                .then((request, listener, cancel) -> {
                    throw tooLong;
                })
                .then((request, listener, cancel) -> new ChatCompletion("SUMMARY again.", null, List.of(), "stop", null, List.of()))
                .then((request, listener, cancel) -> {
                    throw tooLong;
                });
        TurnOutcome failed = loop(stubborn, 8192).runTurn(session, "t3", "third question", TurnListener.NONE, null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.ERROR, failed.kind());
        assertEquals(ModelError.Reason.CONTEXT_LENGTH, failed.error().reason());
    }

    @Test
    void aMessageTooLongForTheWindowFailsClearlyWithoutSendingIt() throws Exception {
        ScriptedChatClient model = new ScriptedChatClient();

        TurnOutcome outcome = loop(model, 8192).runTurn(sessions.create().id(), "t", "x".repeat(40_000), TurnListener.NONE,
                null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.ERROR, outcome.kind());
        assertTrue(outcome.text().contains("shorten your message"), outcome.text());
        assertEquals(0, model.requests.size(), "nothing over the window was sent");
    }
}
