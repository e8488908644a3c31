package dev.daalu.server.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.testkit.Dialect;
import dev.daalu.testkit.Script;
import dev.daalu.testkit.ScriptedModelServer;
import dev.daalu.testkit.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the testkit's scripted server: each dialect round-trips, and cancel closes an open stream. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ScriptedServerTest {

    private ScriptedModelServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void textAndToolCallsOfEachDialectAreAssembled(Dialect dialect) throws Exception {
        Step.Delivery delivery = Step.Delivery.DEFAULT.dialect(dialect);
        JsonObject arguments = JsonParser.parseString("{\"path\":\"main.tf\",\"content\":\"a && \\\"b\\\"\\n\"}").getAsJsonObject();
        server = ScriptedModelServer.start(Script.of(Step.text("The bucket is private.").with(delivery),
                new Step.ToolCalls(List.of(new Step.Call("write_file", arguments, null), new Step.Call("read_file",
                        JsonParser.parseString("{\"path\":\"x\"}").getAsJsonObject(), null)), 5, List.of(), delivery)));
        OpenAiChatClient client = new OpenAiChatClient(Recordings.http(), ModelEndpoint.of(server.baseUrl()), true);

        ChatCompletion text = client.complete(Recordings.request(), ChatStreamListener.NONE, CancelToken.none());
        ChatCompletion calls = client.complete(Recordings.request(), ChatStreamListener.NONE, CancelToken.none());

        assertEquals("The bucket is private.", text.content());
        assertEquals("stop", text.finishReason());
        assertEquals(4, text.usage().completionTokens());
        assertEquals(2, calls.toolCalls().size());
        assertCall("write_file", arguments.toString(), calls.toolCalls().get(0));
        assertCall("read_file", "{\"path\":\"x\"}", calls.toolCalls().get(1));
        assertNull(calls.content());
    }

    @Test
    void cancelClosesAStreamTheServerKeepsOpen() throws Exception {
        server = ScriptedModelServer.start(Script.of(Step.text("Thinking about it")
                .with(Step.Delivery.DEFAULT.cutAfter(2).thenHoldOpen())));
        OpenAiChatClient client = new OpenAiChatClient(Recordings.http(), ModelEndpoint.of(server.baseUrl()), true);
        CancelToken cancel = new CancelToken();
        CountDownLatch firstDelta = new CountDownLatch(1);
        ChatStreamListener listener = new ChatStreamListener() {
            @Override
            public void onContent(String delta) {
                firstDelta.countDown();
            }
        };

        CompletableFuture<ChatCompletion> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return client.complete(Recordings.request(), listener, cancel);
            } catch (ModelError e) {
                throw new CompletionException(e);
            }
        });
        assertTrue(firstDelta.await(5, TimeUnit.SECONDS), "the stream started");
        assertFalse(answer.isDone(), "the server holds the stream open");
        cancel.cancel();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        ModelError error = assertInstanceOf(ModelError.class, failure.getCause());
        assertEquals(ModelError.Reason.CANCELLED, error.reason());
        assertTrue(server.awaitDisconnect(Duration.ofSeconds(5)), "the connection was closed, not left to time out");
    }

    @Test
    void scriptedServerIsIdentifiedAndCountedLikeVllm() throws IOException, ModelError {
        server = ScriptedModelServer.start(new Script("qwen2.5-coder-14b", 8192, true, List.of()));
        ModelEndpoint endpoint = ModelEndpoint.of(server.baseUrl());

        ServedModels served = ServedModels.fetch(Recordings.http(), endpoint);
        TokenCounter counter = TokenCounter.forServer(Recordings.http(), endpoint, "qwen2.5-coder-14b", served.kind());

        assertEquals(8192, new ContextWindowProbe(Recordings.http(), endpoint).probe(served, "qwen2.5-coder-14b")
                .orElseThrow().tokens());
        assertEquals(3, counter.countText("twelve chars"));
        assertEquals(TokenCounter.Mode.EXACT, counter.mode());
    }
}
