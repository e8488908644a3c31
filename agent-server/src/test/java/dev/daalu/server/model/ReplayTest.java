package dev.daalu.server.model;

import dev.daalu.server.concurrent.CancelToken;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Base of the tests that replay a recording through a MockWebServer into {@link OpenAiChatClient}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class ReplayTest {

    /** The answer text of every recorded plain-text stream (vLLM, llama.cpp, Ollama). */
    static final String MAIN_TF_ANSWER = "The `main.tf` file defines one S3 bucket, `aws_s3_bucket.logs`, with versioning"
            + " enabled and a bucket policy that denies any request not made over TLS.";

    MockWebServer server;
    Recordings.StreamRecorder stream;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        stream = new Recordings.StreamRecorder();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    ChatCompletion replay(String fixture) throws ModelError {
        return replay(fixture, Recordings.request(), true);
    }

    ChatCompletion replay(String fixture, ChatRequest request, boolean recoverTextToolCalls) throws ModelError {
        server.enqueue(Recordings.response(fixture));
        return Recordings.client(server, recoverTextToolCalls).complete(request, stream, CancelToken.none());
    }

    /** Replays an error recording and checks what every model error must say. */
    ModelError failure(String fixture, int status) {
        server.enqueue(Recordings.response(fixture, status));
        OpenAiChatClient client = Recordings.client(server, true);
        ModelError error = assertThrows(ModelError.class,
                () -> client.complete(Recordings.request(), stream, CancelToken.none()));
        assertTrue(error.getMessage().contains(client.endpoint()), () -> "names the endpoint: " + error.getMessage());
        return error;
    }
}
