package dev.daalu.server.model;

import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.routing.ModelHttpClients;
import dev.daalu.testkit.Fixtures;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures end with the right {@link ModelError}, quickly, with a message naming the endpoint. */
class FailureTest extends ReplayTest {

    private static final String TEXT_STREAM = "model-servers/vllm/stream-text.sse";

    /** Holds stalled response bodies open until the test ends. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStalledBodies() {
        release.countDown();
    }

    @Test
    void refusedConnectionIsAConnectionError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenAiChatClient client = new OpenAiChatClient(Recordings.http(), ModelEndpoint.of("http://127.0.0.1:" + port + "/v1"), true);

        ModelError error = assertThrows(ModelError.class, () -> client.complete(Recordings.request(), stream, CancelToken.none()));

        assertEquals(ModelError.Reason.CONNECTION, error.reason());
        assertTrue(error.getMessage().contains("http://127.0.0.1:" + port + "/v1"), error.getMessage());
        assertTrue(error.getMessage().contains("Is the server running"), error.getMessage());
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.enqueue(new MockResponse.Builder().body(stalled("")).build());

        ModelError error = failWith(impatientClient());

        assertEquals(ModelError.Reason.TIMEOUT, error.reason());
    }

    @Test
    void streamThatFallsSilentTimesOut() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(stalled(firstEvents(3))).build());

        ModelError error = failWith(impatientClient());

        assertEquals(ModelError.Reason.TIMEOUT, error.reason());
        assertTrue(error.getMessage().contains("in the middle of the answer"), error.getMessage());
        assertTrue(stream.content().startsWith("The"), "what arrived was streamed");
    }

    @Test
    void streamEndingWithoutDoneOrFinishIsCut() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(firstEvents(4)).build());

        ModelError error = failWith(Recordings.client(server, true));

        assertEquals(ModelError.Reason.STREAM_CUT, error.reason());
    }

    @Test
    void streamCutInsideAnEventIsCut() {
        String events = firstEvents(4);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(events.substring(0, events.length() - 30)).build());

        assertEquals(ModelError.Reason.STREAM_CUT, failWith(Recordings.client(server, true)).reason());
    }

    @Test
    void connectionDroppedInsideTheChunkedBodyIsCut() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .chunkedBody(Fixtures.text(TEXT_STREAM), 256)
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        assertEquals(ModelError.Reason.STREAM_CUT, failWith(Recordings.client(server, true)).reason());
    }

    @Test
    void requestTheClientsPerimeterRefusesIsAPerimeterErrorAndNothingIsSent() {
        OkHttpClient guarded = ModelHttpClients.create(Recordings.TEST_TIMEOUTS, chain -> {
            throw new RefusedDestination("refused to send to " + chain.request().url().host() + ": not an allowed tier");
        });
        OpenAiChatClient client = new OpenAiChatClient(guarded, Recordings.endpoint(server), true);

        ModelError error = failWith(client);

        assertEquals(ModelError.Reason.PERIMETER, error.reason());
        assertTrue(error.getMessage().contains("not an allowed tier"), error.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void alreadyCancelledTokenSendsNothing() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();

        ModelError error = assertThrows(ModelError.class,
                () -> Recordings.client(server, true).complete(Recordings.request(), stream, cancel));

        assertEquals(ModelError.Reason.CANCELLED, error.reason());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void htmlFromAProxyIsABadResponseQuotingItsText() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                .body("<html><body><h1>Bad gateway</h1></body></html>").build());

        ModelError error = failWith(Recordings.client(server, true));

        assertEquals(ModelError.Reason.BAD_RESPONSE, error.reason());
        assertTrue(error.getMessage().contains("Bad gateway"), error.getMessage());
        assertTrue(!error.getMessage().contains("<h1>"), error.getMessage());
    }

    @Test
    void eventThatIsNotJsonIsABadResponse() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: hello\n\ndata: [DONE]\n\n").build());

        assertEquals(ModelError.Reason.BAD_RESPONSE, failWith(Recordings.client(server, true)).reason());
    }

    @Test
    void jsonWithoutChoicesIsABadResponse() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[]}").build());

        assertEquals(ModelError.Reason.BAD_RESPONSE, failWith(Recordings.client(server, true)).reason());
    }

    @Test
    void wrongBaseUrlAnswers404WithAHint() {
        ModelError error = failure("model-servers/ollama/tokenize-not-found.txt", 404);

        assertEquals(ModelError.Reason.HTTP_ERROR, error.reason());
        assertEquals("404 page not found", error.serverMessage());
        assertTrue(error.getMessage().contains("should end in /v1"), error.getMessage());
    }

    @Test
    void serverStillLoadingIsAnHttpError() {
        ModelError error = failure("model-servers/llamacpp/health-loading.json", 503);

        assertEquals(ModelError.Reason.HTTP_ERROR, error.reason());
        assertEquals("Loading model", error.serverMessage());
    }

    @Test
    void refusedApiKeyPointsAtTheKey() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Invalid API key\",\"type\":\"AuthenticationError\",\"code\":401}}").build());

        ModelError error = failWith(Recordings.client(server, true));

        assertEquals(401, error.httpStatus());
        assertTrue(error.getMessage().contains("Check the API key"), error.getMessage());
    }

    private ModelError failWith(OpenAiChatClient client) {
        return assertThrows(ModelError.class, () -> client.complete(Recordings.request(), stream, CancelToken.none()));
    }

    private OpenAiChatClient impatientClient() {
        OkHttpClient http = ModelHttpClients.withTimeouts(Recordings.http(),
                new ModelHttpClients.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1)));
        return new OpenAiChatClient(http, Recordings.endpoint(server), true);
    }

    /** The first {@code count} events of a recorded text stream: no finish reason, no [DONE]. */
    private static String firstEvents(int count) {
        String[] events = Fixtures.text(TEXT_STREAM).split("\n\n");
        return String.join("\n\n", java.util.Arrays.copyOf(events, count)) + "\n\n";
    }

    /** A body that sends {@code prefix} and then nothing until the test ends. */
    private MockResponseBody stalled(String prefix) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(prefix);
                sink.flush();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
