package dev.daalu.server.rpc;

import com.google.gson.JsonObject;
import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.SearchQuery;
import dev.daalu.indexer.SearchResults;
import dev.daalu.server.agent.TurnListener;
import dev.daalu.server.agent.TurnOutcome;
import dev.daalu.server.approval.ApprovalDecision;
import dev.daalu.server.approval.ApprovalPreview;
import dev.daalu.server.approval.ApprovalRequest;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.protocol.ApprovalRequestParams;
import dev.daalu.server.protocol.ApprovalResponse;
import dev.daalu.server.protocol.ChatCancelParams;
import dev.daalu.server.protocol.ChatSendParams;
import dev.daalu.server.protocol.ChatSendResult;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.IndexStatusResult;
import dev.daalu.server.protocol.InitializeParams;
import dev.daalu.server.protocol.InitializeResult;
import dev.daalu.server.protocol.PingParams;
import dev.daalu.server.protocol.ProgressParams;
import dev.daalu.server.protocol.RepoMapParams;
import dev.daalu.server.protocol.RepoMapResult;
import dev.daalu.server.protocol.SearchParams;
import dev.daalu.server.protocol.SearchResult;
import dev.daalu.server.protocol.SessionListParams;
import dev.daalu.server.tool.ToolRegistry;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.daalu.server.rpc.RpcTestbed.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

@Timeout(60)
class RpcServerTest {

    @TempDir
    Path dir;

    private FakeRuntime runtime;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final SecretRedactor redactor = new SecretRedactor();
    private RpcTestbed bed;

    @BeforeEach
    void start() throws IOException {
        runtime = new FakeRuntime(dir);
        bed = new RpcTestbed((root, progress) -> {
            opened.add(root);
            progress.onProgress(new IndexListener.IndexProgress(IndexListener.IndexProgress.Phase.WALK, 3, 0, "a"));
            progress.onProgress(new IndexListener.IndexProgress(IndexListener.IndexProgress.Phase.DONE, 3, 3, null));
            return runtime;
        }, redactor);
    }

    @AfterEach
    void stop() throws IOException {
        bed.close();
    }

    private InitializeResult initialize() throws Exception {
        return await(bed.server.initialize(new InitializeParams(dir.toString(), new InitializeParams.ClientInfo("test", "1"))));
    }

    private static ResponseError errorOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(ResponseErrorException.class, e.getCause()).getResponseError();
    }

    private static ApprovalRequest approvalFor(String sessionId, String turnId) {
        return new ApprovalRequest("ap-1", sessionId, turnId, "call_1", "run_command", new JsonObject(),
                ApprovalPreview.command("Run: terraform validate", "terraform validate", ".", 120));
    }

    /** What reached the client, by kind: a notification's method, "request:" and a method, or "response". */
    private List<String> arrivals() {
        return bed.received.stream().map(RpcServerTest::kind).toList();
    }

    private static String kind(Message message) {
        if (message instanceof NotificationMessage n) {
            return n.getMethod();
        }
        if (message instanceof RequestMessage r) {
            return "request:" + r.getMethod();
        }
        return "response";
    }

    @Test
    void pingAnswersBeforeInitializeAndEchoesMultiByteText() throws Exception {
        assertEquals(FrameReaderTest.B28_TEXT, await(bed.server.ping(new PingParams(FrameReaderTest.B28_TEXT))).text());
        assertFalse(await(bed.server.ping(null)).initialized());
    }

    @Test
    void requestsBeforeInitializeGetServerNotInitialized() {
        List<CompletableFuture<?>> early = List.of(
                bed.server.search().query(new SearchParams("x", null, null, null)),
                bed.server.repoMap().get(new RepoMapParams(null, null)),
                bed.server.index().status(),
                bed.server.chat().sessions(new SessionListParams(null)),
                bed.server.chat().send(new ChatSendParams(null, "hello")),
                bed.server.chat().cancel(new ChatCancelParams("s")));

        for (CompletableFuture<?> request : early) {
            ResponseError error = errorOf(request);
            assertEquals(ErrorCodes.SERVER_NOT_INITIALIZED, error.getCode());
            assertTrue(error.getMessage().contains("send 'initialize'"), error.getMessage());
        }
    }

    @Test
    void initializeOpensTheWorkspaceAndReportsModelRoutingAndTools() throws Exception {
        InitializeResult result = initialize();

        assertEquals(List.of(dir), opened);
        assertEquals("daalu", result.serverInfo().name());
        assertEquals("qwen2.5-coder-14b-awq", result.model().id());
        assertEquals(8192, result.model().contextWindow());
        assertEquals("own-gpu", result.routing().tierKind());
        assertEquals(ToolRegistry.builtin().names(), result.capabilities().tools());
        assertEquals(ToolRegistry.builtin().approvalNames(), result.capabilities().approvalTools());
        assertTrue(await(bed.server.ping(new PingParams(null))).initialized());
    }

    @Test
    void initializeReportsIndexProgressAsWorkDoneProgress() throws Exception {
        initialize();

        ProgressParams begin = bed.client.next(ProgressParams.class);
        ProgressParams end = bed.client.next(ProgressParams.class);
        assertEquals("index-1", begin.token());
        assertEquals("begin", begin.value().kind());
        assertEquals("Indexing", begin.value().title());
        assertEquals("end", end.value().kind());
    }

    @Test
    void initializeAcceptsAFileUri() throws Exception {
        await(bed.server.initialize(new InitializeParams(dir.toUri().toString(), null)));

        assertEquals(List.of(dir), opened);
    }

    @Test
    void aSecondInitializeIsRefused() throws Exception {
        initialize();

        assertEquals(ErrorCodes.INVALID_REQUEST, errorOf(bed.server.initialize(new InitializeParams(dir.toString(), null))).getCode());
    }

    @Test
    void initializeNeedsAnAbsoluteRoot() {
        ResponseError missing = errorOf(bed.server.initialize(new InitializeParams(null, null)));
        ResponseError relative = errorOf(bed.server.initialize(new InitializeParams("src/main", null)));

        assertEquals(ErrorCodes.INVALID_PARAMS, missing.getCode());
        assertTrue(missing.getMessage().contains("workspaceRoot"), missing.getMessage());
        assertEquals(ErrorCodes.INVALID_PARAMS, relative.getCode());
        assertTrue(relative.getMessage().contains("must be absolute"), relative.getMessage());
    }

    @Test
    void aWorkspaceThatCannotBeOpenedIsAWorkspaceErrorAndInitializeMayBeRetried() throws Exception {
        bed.close();
        boolean[] fail = {true};
        bed = new RpcTestbed((root, progress) -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IOException("not a readable directory");
            }
            return runtime;
        });

        ResponseError error = errorOf(bed.server.initialize(new InitializeParams(dir.toString(), null)));

        assertEquals(ErrorCodes.WORKSPACE_ERROR, error.getCode());
        assertTrue(error.getMessage().contains("not a readable directory"), error.getMessage());
        assertEquals("daalu", initialize().serverInfo().name());
    }

    @Test
    void anUnknownMethodIsMethodNotFoundAndTheServerKeepsServing() throws Exception {
        CompletableFuture<?> unknown = ((Endpoint) bed.server).request("agent/chat", new JsonObject());

        ResponseError error = errorOf(unknown);
        assertEquals(ErrorCodes.METHOD_NOT_FOUND, error.getCode());
        assertTrue(error.getMessage().contains("agent/chat"), error.getMessage());
        assertEquals("still here", await(bed.server.ping(new PingParams("still here"))).text());
    }

    @Test
    void badParamsSayWhatIsWrong() throws Exception {
        initialize();

        assertInvalidParams(bed.server.search().query(new SearchParams("  ", null, null, null)), "non-blank 'query'");
        assertInvalidParams(bed.server.search().query(new SearchParams("x", null, null, 0)), "maxResults must be between 1 and 1000");
        assertInvalidParams(bed.server.repoMap().get(new RepoMapParams(null, 10)), "maxTokens must be between 64 and 65536");
        assertInvalidParams(bed.server.chat().send(new ChatSendParams(null, "")), "non-blank 'message'");
        assertInvalidParams(bed.server.chat().send(null), "non-blank 'message'");
        assertInvalidParams(bed.server.chat().sessions(new SessionListParams(0)), "limit must be between 1 and 1000");
        assertInvalidParams(bed.server.chat().cancel(new ChatCancelParams(null)), "'sessionId'");
    }

    private static void assertInvalidParams(CompletableFuture<?> request, String words) {
        ResponseError error = errorOf(request);
        assertEquals(ErrorCodes.INVALID_PARAMS, error.getCode(), error.getMessage());
        assertTrue(error.getMessage().contains(words), error.getMessage());
    }

    @Test
    void anInternalErrorSaysWhatFailedWithoutAStackTrace() throws Exception {
        initialize();
        when(runtime.index.search(any())).thenThrow(new IllegalStateException("the index is broken"));

        ResponseError error = errorOf(bed.server.search().query(new SearchParams("bucket", null, null, null)));

        assertEquals(ErrorCodes.INTERNAL_ERROR, error.getCode());
        assertEquals("Internal error (the index is broken); see the server log", error.getMessage());
        assertNull(error.getData());
    }

    @Test
    void searchAndRepoMapAnswerWhatTheIndexFound() throws Exception {
        initialize();
        when(runtime.index.search(any())).thenReturn(new SearchResults(SearchQuery.Mode.IDENTIFIER,
                List.of(new SearchResults.SearchHit("main.tf", 3, 10, "resource \"aws_s3_bucket\" \"logs\" {", List.of("#"),
                        List.of("  bucket = var.name"), true, 2.0)), 7, 2, true, List.of("logo.png"), null, 5, 3));
        when(runtime.index.map(any())).thenReturn(new RepoMap("main.tf\n  3: resource logs\n", 9, 512,
                List.of(new RepoMap.MapFile("main.tf", 0.5, List.of(), null)), 4));

        SearchResult search = await(bed.server.search().query(new SearchParams("bucketLogs", false, "*.tf", 5)));
        RepoMapResult map = await(bed.server.repoMap().get(new RepoMapParams(List.of("main.tf"), 512)));

        assertEquals("identifier", search.mode());
        assertEquals(new SearchResult.Hit("main.tf", 3, 10, "resource \"aws_s3_bucket\" \"logs\" {", List.of("#"),
                List.of("  bucket = var.name")), search.hits().get(0));
        assertEquals(7, search.total());
        assertTrue(search.truncated());
        assertEquals(List.of("logo.png"), search.binaryFilesMatched());
        assertEquals(List.of("main.tf"), map.files());
        assertEquals(9, map.tokens());
        org.mockito.Mockito.verify(runtime.index).search(new SearchQuery("bucketLogs", false, "*.tf", 5, 1));
        org.mockito.Mockito.verify(runtime.index).map(new RepoMapRequest(List.of("main.tf"), 512));
    }

    @Test
    void anInvalidRegexIsInvalidParamsWithTheIndexsExplanation() throws Exception {
        initialize();
        when(runtime.index.search(any())).thenReturn(SearchResults.failed(SearchQuery.Mode.REGEX,
                "invalid regular expression: unclosed group near index 4; escape ( as \\("));

        ResponseError error = errorOf(bed.server.search().query(new SearchParams("(abc", true, null, null)));

        assertEquals(ErrorCodes.INVALID_PARAMS, error.getCode());
        assertTrue(error.getMessage().startsWith("invalid regular expression"), error.getMessage());
    }

    @Test
    void indexStatusIncludesHowTokensAreCounted() throws Exception {
        initialize();
        when(runtime.index.status()).thenReturn(new IndexStatus(IndexStatus.State.READY, dir.resolve("idx"), 10, 8, 2, 6,
                1, 3, 120, List.of(new IndexStatus.Problem("bad.js", "invalid UTF-8"))));

        IndexStatusResult status = await(bed.server.index().status());

        assertEquals("ready", status.state());
        assertEquals(10, status.filesTotal());
        assertEquals(List.of(new IndexStatusResult.Problem("bad.js", "invalid UTF-8")), status.problems());
        assertEquals(new IndexStatusResult.TokenCounting("estimate", "estimate: 3.6 chars per token from 4 responses"),
                status.tokenCounting());
    }

    @Test
    void aTurnsEventsReachTheClientInOrderBeforeItsResult() throws Exception {
        initialize();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            listener.onDelta("Let me ");
            listener.onDelta("check.");
            listener.onToolCall("call_1", "run_command", new JsonObject(), true);
            ApprovalDecision decision = approver.request(approvalFor(sessionId, turnId)).join();
            listener.onToolResult("call_1", "run_command", decision.approved() ? TurnListener.ToolStatus.OK
                    : TurnListener.ToolStatus.DENIED, "Success!", false);
            listener.onNotice("recovered a tool call from text");
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, "Valid.", null, 2);
        };

        ChatSendResult result = await(bed.server.chat().send(new ChatSendParams(null, "validate it")));

        assertEquals(ChatSendResult.COMPLETED, result.outcome());
        assertEquals("Valid.", result.text());
        assertEquals(2, result.steps());
        assertNull(result.error());
        assertEquals(List.of("$/progress", "$/progress", "response", "chat/delta", "chat/delta", "chat/toolCall",
                "request:approval/request", "chat/toolResult", "chat/notice", "response"), arrivals());
        ApprovalRequestParams asked = bed.client.next(ApprovalRequestParams.class);
        assertEquals(result.sessionId(), asked.sessionId());
        assertEquals(result.turnId(), asked.turnId());
        assertEquals("command", asked.preview().kind());
        assertEquals("terraform validate", asked.preview().command());
    }

    @Test
    void hugeToolArgumentsAreShownAsANoteInChatToolCall() throws Exception {
        initialize();
        JsonObject huge = new JsonObject();
        huge.addProperty("content", "x".repeat(300 * 1024));
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            listener.onToolCall("call_1", "write_file", huge, true);
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, "", null, 1);
        };

        await(bed.server.chat().send(new ChatSendParams(null, "write it")));

        var call = bed.client.next(dev.daalu.server.protocol.ChatToolCall.class);
        assertTrue(call.arguments().getAsString().contains("characters of arguments, not shown here"), call.arguments().toString());
    }

    @Test
    void theReaderKeepsReadingWhileATurnWaitsForItsApproval() throws Exception {
        initialize();
        CompletableFuture<ApprovalResponse> answer = new CompletableFuture<>();
        bed.client.approvals = params -> answer;
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            ApprovalDecision decision = approver.request(approvalFor(sessionId, turnId)).join();
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, decision.approved() ? "ran" : "denied", null, 1);
        };

        CompletableFuture<ChatSendResult> send = bed.server.chat().send(new ChatSendParams(null, "run it"));
        bed.client.next(ApprovalRequestParams.class);
        String pong = await(bed.server.ping(new PingParams("while waiting"))).text();
        answer.complete(new ApprovalResponse(ApprovalResponse.APPROVE, null));

        assertEquals("while waiting", pong);
        assertEquals("ran", await(send).text());
    }

    @Test
    void onlyApproveApprovesAndTheUsersReasonReachesTheAgent() throws Exception {
        initialize();
        List<ApprovalDecision> decisions = new CopyOnWriteArrayList<>();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            decisions.add(approver.request(approvalFor(sessionId, turnId)).join());
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, "", null, 1);
        };

        bed.client.approvals = p -> CompletableFuture.completedFuture(new ApprovalResponse("deny", "use plan, not apply"));
        await(bed.server.chat().send(new ChatSendParams(null, "apply")));
        bed.client.approvals = p -> CompletableFuture.completedFuture(new ApprovalResponse("yes", null));
        await(bed.server.chat().send(new ChatSendParams(null, "apply")));

        bed.client.approvals = p -> CompletableFuture.failedFuture(new IllegalStateException("the view is closed"));
        await(bed.server.chat().send(new ChatSendParams(null, "apply")));

        assertEquals(List.of(ApprovalDecision.deny("use plan, not apply"), ApprovalDecision.deny(null)),
                decisions.subList(0, 2));
        assertFalse(decisions.get(2).approved());
        assertTrue(decisions.get(2).reason().startsWith("the approval could not be asked"), decisions.get(2).reason());
    }

    @Test
    void aSecondSendToABusySessionIsSessionBusy() throws Exception {
        initialize();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> firstSession = new CompletableFuture<>();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            firstSession.complete(sessionId);
            awaitQuietly(release);
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, message, null, 1);
        };

        CompletableFuture<ChatSendResult> first = bed.server.chat().send(new ChatSendParams(null, "one"));
        String sessionId = await(firstSession);
        ResponseError busy = errorOf(bed.server.chat().send(new ChatSendParams(sessionId, "two")));
        release.countDown();

        assertEquals(ErrorCodes.SESSION_BUSY, busy.getCode());
        assertEquals("one", await(first).text());
        assertEquals(sessionId, await(bed.server.chat().send(new ChatSendParams(sessionId, "three"))).sessionId());
    }

    @Test
    void anUnknownOrMalformedSessionIsSessionNotFound() throws Exception {
        initialize();

        assertEquals(ErrorCodes.SESSION_NOT_FOUND,
                errorOf(bed.server.chat().send(new ChatSendParams("20260101-000000-deadbeef", "hi"))).getCode());
        assertEquals(ErrorCodes.SESSION_NOT_FOUND,
                errorOf(bed.server.chat().send(new ChatSendParams("../../etc/passwd", "hi"))).getCode());
    }

    @Test
    void aStoredSessionIsResumedAndListed() throws Exception {
        initialize();
        List<String> seen = new CopyOnWriteArrayList<>();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            seen.add(sessionId);
            return new TurnOutcome(TurnOutcome.Kind.COMPLETED, "", null, 1);
        };

        String created = await(bed.server.chat().send(new ChatSendParams(null, "first"))).sessionId();
        await(bed.server.chat().send(new ChatSendParams(created, "second")));

        assertEquals(List.of(created, created), seen);
        assertEquals(List.of(created), await(bed.server.chat().sessions(new SessionListParams(null))).sessions().stream()
                .map(s -> s.sessionId()).toList());
    }

    @Test
    void chatCancelStopsTheTurnAndWithdrawsItsPendingApproval() throws Exception {
        initialize();
        bed.client.approvals = params -> new CompletableFuture<>();
        runtime.agent = this::turnThatWaitsAtTheGate;

        CompletableFuture<ChatSendResult> send = bed.server.chat().send(new ChatSendParams(null, "run it"));
        ApprovalRequestParams asked = bed.client.next(ApprovalRequestParams.class);
        boolean cancelled = await(bed.server.chat().cancel(new ChatCancelParams(asked.sessionId()))).cancelled();

        assertTrue(cancelled);
        assertEquals(asked.approvalId(), bed.client.next(dev.daalu.server.protocol.ApprovalWithdrawn.class).approvalId());
        assertEquals(ChatSendResult.CANCELLED, await(send).outcome());
        assertFalse(await(bed.server.chat().cancel(new ChatCancelParams(asked.sessionId()))).cancelled());
    }

    @Test
    void cancelRequestOfAChatSendCancelsTheTurnAndAnswersRequestCancelledAfterItsEvents() throws Exception {
        initialize();
        bed.client.approvals = params -> new CompletableFuture<>();
        CompletableFuture<Boolean> tokenCancelled = new CompletableFuture<>();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            TurnOutcome outcome = turnThatWaitsAtTheGate(sessionId, turnId, message, listener, approver, cancel);
            tokenCancelled.complete(cancel.isCancelled());
            return outcome;
        };

        CompletableFuture<ChatSendResult> send = bed.server.chat().send(new ChatSendParams(null, "run it"));
        bed.client.next(ApprovalRequestParams.class);
        send.cancel(true);

        assertTrue(await(tokenCancelled));
        bed.client.next(dev.daalu.server.protocol.ApprovalWithdrawn.class);
        ResponseMessage answer = awaitResponseWithError(ErrorCodes.REQUEST_CANCELLED);
        int withdrawnAt = arrivals().indexOf("approval/withdrawn");
        int toolResultAt = arrivals().indexOf("chat/toolResult");
        int answerAt = bed.received.indexOf(answer);
        assertTrue(withdrawnAt >= 0 && toolResultAt > withdrawnAt && answerAt > toolResultAt, arrivals().toString());
    }

    private TurnOutcome turnThatWaitsAtTheGate(String sessionId, String turnId, String message, TurnListener listener,
                                               dev.daalu.server.approval.Approver approver,
                                               dev.daalu.server.concurrent.CancelToken cancel) {
        listener.onToolCall("call_1", "run_command", new JsonObject(), true);
        var gate = new dev.daalu.server.approval.ApprovalGate(java.time.Duration.ofMinutes(5));
        var outcome = gate.execute(new dev.daalu.server.approval.ApprovalGate.CallInfo(sessionId, turnId, "call_1",
                        "run_command", new JsonObject()),
                dev.daalu.server.tool.Prepared.gated(ApprovalPreview.command("Run: sleep", "sleep 100", ".", 120),
                        c -> dev.daalu.server.tool.ToolResult.ok("ran")),
                approver, cancel);
        listener.onToolResult("call_1", "run_command", TurnListener.ToolStatus.valueOf(outcome.status().name()),
                outcome.result().output(), false);
        return new TurnOutcome(cancel.isCancelled() ? TurnOutcome.Kind.CANCELLED : TurnOutcome.Kind.COMPLETED, "", null, 1);
    }

    private ResponseMessage awaitResponseWithError(int code) throws InterruptedException {
        return (ResponseMessage) bed.awaitReceived(m -> m instanceof ResponseMessage r && r.getError() != null
                && r.getError().getCode() == code);
    }

    @Test
    void aModelErrorMapsToItsDocumentedCodeAndLeaksNoSecret() throws Exception {
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");
        initialize();
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            ModelError error = new ModelError(ModelError.Reason.CONTEXT_LENGTH, "http://127.0.0.1:8000/v1",
                    "The prompt is 9000 tokens; the model takes 8192 (token TESTTOKEN-B34-0123456789abcdef0123)");
            return new TurnOutcome(TurnOutcome.Kind.ERROR, error.getMessage(), error, 1);
        };

        ChatSendResult result = await(bed.server.chat().send(new ChatSendParams(null, "summarize everything")));

        assertEquals(ChatSendResult.ERROR, result.outcome());
        assertEquals(ErrorCodes.CONTEXT_LENGTH_EXCEEDED, result.error().code());
        assertEquals("context_length", result.error().reason());
        assertFalse(result.error().message().contains("TESTTOKEN"), result.error().message());
        assertFalse(result.text().contains("TESTTOKEN"), result.text());
    }

    @Test
    void shutdownCancelsTurnsClosesTheWorkspaceAndRefusesWhatFollows() throws Exception {
        initialize();
        CompletableFuture<Boolean> sawCancel = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        runtime.agent = (sessionId, turnId, message, listener, approver, cancel) -> {
            started.countDown();
            CountDownLatch cancelled = new CountDownLatch(1);
            cancel.onCancel(cancelled::countDown);
            awaitQuietly(cancelled);
            sawCancel.complete(true);
            return new TurnOutcome(TurnOutcome.Kind.CANCELLED, "Cancelled.", null, 1);
        };
        CompletableFuture<ChatSendResult> running = bed.server.chat().send(new ChatSendParams(null, "long task"));
        awaitQuietly(started);

        await(bed.server.shutdown());

        assertTrue(await(sawCancel));
        assertEquals(ChatSendResult.CANCELLED, await(running).outcome());
        assertEquals(1, runtime.closes.get());
        assertEquals(ErrorCodes.INVALID_REQUEST, errorOf(bed.server.index().status()).getCode());
        bed.server.exit();
        assertEquals(0, await(bed.rpcServer.exitRequested()));
    }

    @Test
    void exitWithoutShutdownAsksForExitCodeOne() throws Exception {
        bed.server.exit();

        assertEquals(1, await(bed.rpcServer.exitRequested()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
