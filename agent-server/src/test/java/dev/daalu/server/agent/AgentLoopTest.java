package dev.daalu.server.agent;

import com.google.gson.JsonElement;
import dev.daalu.indexer.RepoMap;
import dev.daalu.server.approval.ApprovalDecision;
import dev.daalu.server.approval.ApprovalGate;
import dev.daalu.server.approval.ApprovalRequest;
import dev.daalu.server.approval.Approver;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.ToolCall;
import dev.daalu.server.tool.ToolFixture;
import dev.daalu.server.tool.ToolRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AgentLoopTest {

    @TempDir
    Path temp;

    private ToolFixture fixture;
    private ScriptedChatClient model;
    private SessionStore sessions;
    private final List<String> events = new ArrayList<>();
    private final List<ApprovalRequest> approvals = new ArrayList<>();
    private final TurnListener recorder = new TurnListener() {
        @Override
        public void onDelta(String text) {
            events.add("delta:" + text);
        }

        @Override
        public void onToolCall(String callId, String tool, JsonElement arguments, boolean needsApproval) {
            events.add("call:" + callId + ":" + tool + (needsApproval ? ":ask" : ""));
        }

        @Override
        public void onToolResult(String callId, String tool, ToolStatus status, String output, boolean truncated) {
            events.add("result:" + callId + ":" + status);
        }

        @Override
        public void onNotice(String message) {
            events.add("notice:" + message);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ToolFixture(temp);
        model = new ScriptedChatClient();
        sessions = new SessionStore(temp.resolve("sessions"), Clock.systemUTC());
    }

    private AgentLoop loop(int maxSteps) {
        ModelTarget target = new ModelTarget(model, "qwen2.5-coder-14b", 8192, 1024, PromptTokens.estimate());
        return new AgentLoop(() -> target, ToolRegistry.builtin(), fixture.context, new ApprovalGate(Duration.ofSeconds(5)),
                new PromptBuilder(fixture.root, fixture.index), sessions, AgentConfig.defaults().withMaxSteps(maxSteps));
    }

    private Approver answering(ApprovalDecision decision) {
        return request -> {
            approvals.add(request);
            return CompletableFuture.completedFuture(decision);
        };
    }

    private TurnOutcome turn(String message, Approver approver) throws Exception {
        return loop(25).runTurn(sessions.create().id(), "turn-1", message, recorder, approver, CancelToken.none());
    }

    @Test
    void aPlainAnswerStreamsAndCompletes() throws Exception {
        model.thenText("Hello", " there.");

        TurnOutcome outcome = turn("hi", answering(ApprovalDecision.deny(null)));

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals("Hello there.", outcome.text());
        assertEquals(List.of("delta:Hello", "delta: there."), events);
        ChatMessage system = model.requests.get(0).messages().get(0);
        assertEquals(ChatMessage.Role.SYSTEM, system.role());
        assertTrue(system.content().contains(fixture.root.toString()) && system.content().contains(PromptBuilder.TOOL_DATA_RULE));
        assertEquals(7, model.requests.get(0).tools().size());
    }

    @Test
    void readOnlyCallsRunAtOnceAndTheirResultsGoBackWithTheirCallIds() throws Exception {
        fixture.write("main.tf", "resource \"aws_s3_bucket\" \"logs\" {}\n");
        model.thenCalls(new ToolCall("call_1", "read_file", "{\"path\":\"main.tf\"}")).thenText("It defines one bucket.");

        TurnOutcome outcome = turn("what is in main.tf?", answering(ApprovalDecision.deny(null)));

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(List.of("call:call_1:read_file", "result:call_1:OK", "delta:It defines one bucket."), events);
        assertTrue(approvals.isEmpty());
        List<ChatMessage> second = model.requests.get(1).messages();
        ChatMessage assistant = second.get(second.size() - 2);
        ChatMessage tool = second.get(second.size() - 1);
        assertEquals("call_1", assistant.toolCalls().get(0).id());
        assertEquals("call_1", tool.toolCallId());
        assertEquals("1\tresource \"aws_s3_bucket\" \"logs\" {}\n", tool.content());
    }

    @Test
    void anApprovedWriteChangesTheFileAndADeniedOneDoesNotButTellsTheModel() throws Exception {
        Path file = fixture.write("main.tf", "a = 1\n");
        String args = "{\"path\":\"main.tf\",\"old_text\":\"a = 1\",\"new_text\":\"a = 2\"}";
        model.thenCalls(new ToolCall("c1", "edit_file", args)).thenText("Done.");

        assertEquals(TurnOutcome.Kind.COMPLETED, turn("set a to 2", answering(ApprovalDecision.approve())).kind());
        assertEquals("a = 2\n", Files.readString(file));
        assertEquals("c1", approvals.get(0).callId());
        assertTrue(approvals.get(0).preview().diff().contains("-a = 1\n+a = 2\n"));

        model.thenCalls(new ToolCall("c2", "edit_file", "{\"path\":\"main.tf\",\"old_text\":\"a = 2\",\"new_text\":\"a = 3\"}"))
                .thenText("OK, left as is.");
        TurnOutcome denied = turn("set a to 3", answering(ApprovalDecision.deny("keep 2")));

        assertEquals(TurnOutcome.Kind.COMPLETED, denied.kind());
        assertEquals("a = 2\n", Files.readString(file));
        String told = lastToolMessage(3).content();
        assertTrue(told.startsWith("The user denied this file change; nothing was done. Their reason: keep 2"), told);
        assertTrue(events.contains("result:c2:DENIED"));
    }

    @Test
    void aTurnTakesItsRepoMapOnceSoEveryRequestOfTheTurnSharesOneSystemPrompt() throws Exception {
        when(fixture.index.map(any())).thenReturn(new RepoMap("main.tf\n  1: resource \"aws_s3_bucket\" \"logs\" {\n", 12, 512, List.of(), 1));
        model.thenCalls(new ToolCall("c1", "write_file", "{\"path\":\"audit.tf\",\"content\":\"x = 1\\n\"}")).thenText("Done.");

        assertEquals(TurnOutcome.Kind.COMPLETED, turn("add audit.tf", answering(ApprovalDecision.approve())).kind());

        assertEquals(2, model.requests.size());
        String first = model.requests.get(0).messages().get(0).content();
        assertTrue(first.contains("main.tf\n  1: resource \"aws_s3_bucket\" \"logs\" {"), first);
        assertEquals(first, model.requests.get(1).messages().get(0).content(), "the write did not change the system prompt");
        verify(fixture.index, times(1)).map(any());
    }

    @Test
    void anAnswerCutAtTheTokenLimitSaysSo() throws Exception {
        model.then((request, listener, cancel) -> {
            listener.onContent("Step 1: run terraform");
            return new ChatCompletion("Step 1: run terraform", null, List.of(), "length", null, List.of());
        });

        TurnOutcome outcome = turn("explain the rollout", answering(ApprovalDecision.deny(null)));

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(List.of("delta:Step 1: run terraform", "notice:" + AgentLoop.ANSWER_CUT_NOTICE.formatted(1024)), events);
    }

    @Test
    void invalidArgumentsUnknownToolsAndEscapesBecomeErrorsTheModelSees() throws Exception {
        model.thenCalls(
                new ToolCall("bad-json", "read_file", "{\"path\": \"src/Main.java\""),
                new ToolCall("unknown", "delete_everything", "{}"),
                new ToolCall("escape", "read_file", "{\"path\":\"../../etc/passwd\"}"))
                .thenText("Sorry.");

        TurnOutcome outcome = turn("go", answering(ApprovalDecision.approve()));

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(List.of("call:bad-json:read_file", "result:bad-json:ERROR", "call:unknown:delete_everything",
                "result:unknown:ERROR", "call:escape:read_file", "result:escape:ERROR", "delta:Sorry."), events);
        List<ChatMessage> sent = model.requests.get(1).messages();
        assertTrue(sent.get(sent.size() - 3).content().contains("not valid JSON"));
        assertTrue(sent.get(sent.size() - 2).content().startsWith("Unknown tool 'delete_everything'. The tools are: read_file"));
        assertTrue(sent.get(sent.size() - 1).content().contains("outside the workspace"));
        assertTrue(approvals.isEmpty());
    }

    @Test
    void stopsAtTheStepLimitWithAMessage() throws Exception {
        for (int i = 0; i < 3; i++) {
            model.thenCalls(new ToolCall("c" + i, "list_dir", "{\"depth\":" + (i + 1) + "}"));
        }

        TurnOutcome outcome = loop(3).runTurn(sessions.create().id(), "t", "explore", recorder, null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.STEP_LIMIT, outcome.kind());
        assertEquals(3, outcome.steps());
        assertTrue(outcome.text().startsWith("Stopped after 3 model steps"));
    }

    @Test
    void stopsWhenTheModelRepeatsTheSameCallThreeTimesAnswersEveryCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            // the same arguments spelled differently each time
            model.thenCalls(new ToolCall("c" + i, "list_dir", i == 1 ? "{ \"path\" : \".\" }" : "{\"path\":\".\"}"));
        }
        String session = sessions.create().id();

        TurnOutcome outcome = loop(25).runTurn(session, "t", "explore", recorder, null, CancelToken.none());

        assertEquals(TurnOutcome.Kind.LOOP_DETECTED, outcome.kind());
        assertTrue(outcome.text().contains("list_dir with the same arguments 3 times"));
        List<ChatMessage> stored = sessions.get(session).messages();
        assertEquals(ChatMessage.Role.TOOL, stored.get(stored.size() - 1).role(), "the repeated call still has a result");
    }

    @Test
    void aModelErrorEndsTheTurnWithItsMessage() throws Exception {
        model.then((request, listener, cancel) -> {
            throw new ModelError(ModelError.Reason.CONNECTION, "http://127.0.0.1:9/v1",
                    "Cannot reach the model server at http://127.0.0.1:9/v1: connection refused");
        });

        TurnOutcome outcome = turn("hi", null);

        assertEquals(TurnOutcome.Kind.ERROR, outcome.kind());
        assertEquals(ModelError.Reason.CONNECTION, outcome.error().reason());
        assertTrue(outcome.text().contains("connection refused"));
    }

    @Test
    void aCancelDuringTheModelCallEndsTheTurnAsCancelled() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        model.then((request, listener, cancel) -> {
            CountDownLatch closed = new CountDownLatch(1);
            cancel.onCancel(closed::countDown);
            streaming.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ModelError(ModelError.Reason.CANCELLED, "x", "cancelled");
        });
        CancelToken cancel = new CancelToken();
        String session = sessions.create().id();
        CompletableFuture<TurnOutcome> outcome = CompletableFuture.supplyAsync(
                () -> loop(25).runTurn(session, "t", "hi", recorder, null, cancel));
        assertTrue(streaming.await(10, TimeUnit.SECONDS));

        cancel.cancel();

        assertEquals(TurnOutcome.Kind.CANCELLED, outcome.get(10, TimeUnit.SECONDS).kind());
    }

    @Test
    void callsCutOffAtTheTokenLimitAreNotRun() throws Exception {
        Path file = fixture.write("main.tf", "a\n");
        model.then((request, listener, cancel) -> new ChatCompletion(null, null,
                List.of(new ToolCall("w", "write_file", "{\"path\":\"main.tf\",\"content\":\"trunc\"}")), "length", null, List.of()))
                .thenText("ok");

        turn("rewrite", answering(ApprovalDecision.approve()));

        assertEquals("a\n", Files.readString(file));
        assertTrue(approvals.isEmpty());
        assertTrue(lastToolMessage(1).content().contains("cut off at the answer's token limit"));
    }

    @Test
    void contentThatIsAToolCallIsNotStreamedAsTheAnswer() throws Exception {
        model.then((request, listener, cancel) -> {
            listener.onContent("{\"name\": \"list_dir\", ");
            listener.onContent("\"arguments\": {}}");
            return new ChatCompletion(null, null, List.of(new ToolCall("gen-1", "list_dir", "{}")), "stop", null,
                    List.of("recovered a tool call from the content"), ChatCompletion.TextToolCalls.RECOVERED);
        }).thenText("Here it is.");

        turn("list", null);

        assertFalse(events.stream().anyMatch(e -> e.contains("arguments")), events.toString());
        assertEquals("delta:Here it is.", events.get(events.size() - 1));
    }

    @Test
    void aToolCallThatCouldNotBeReadGoesBackToTheModelAsAnErrorItCanActOn() throws Exception {
        model.then((request, listener, cancel) -> new ChatCompletion("<tool_call>{\"name\": \"read_file\", \"arguments\": {</tool_call>",
                        null, List.of(), "stop", null, List.of("hermes tool call is not valid JSON"), ChatCompletion.TextToolCalls.MALFORMED))
                .thenText("Sorry, reading it now.");

        TurnOutcome outcome = turn("read main.tf", null);

        assertEquals(TurnOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals("Sorry, reading it now.", outcome.text());
        ChatMessage note = lastMessage(1);
        assertEquals(ChatMessage.Role.USER, note.role());
        assertTrue(note.content().startsWith(AgentLoop.MALFORMED_CALL_NOTE) && note.content().endsWith("hermes tool call is not valid JSON"));
    }

    private ChatMessage lastMessage(int request) {
        List<ChatMessage> sent = model.requests.get(request).messages();
        return sent.get(sent.size() - 1);
    }

    private ChatMessage lastToolMessage(int request) {
        List<ChatMessage> sent = model.requests.get(request).messages();
        return sent.get(sent.size() - 1);
    }
}
