package dev.daalu.e2e;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.daalu.e2e.harness.RpcTestClient;
import dev.daalu.e2e.harness.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LSP framing of {@code daalu serve --stdio}, on raw bytes against the built jar in its own process: the B28,
 * B30 and B31 inputs, and that stdout carries frames and nothing else (B33).
 */
@Timeout(120)
class FramingIT {

    private static final String B28_TEXT = "Переименуй метод — и добавь комментарий «готово» 🙂 日本語";
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private static byte[] bytes(String name) {
        try (InputStream in = FramingIT.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test case " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the session the way an editor does, and checks the process left with 0 and stdout held only frames. */
    private static void shutDownCleanly(ServerProcess server, RpcTestClient client) throws Exception {
        assertTrue(client.request("shutdown", null).isJsonNull());
        client.notify("exit", null);
        assertEquals(0, server.awaitExit(EXIT_WAIT), server.stderr());
        client.awaitEnd(EXIT_WAIT);
        assertEquals(java.util.Optional.empty(), client.framingProblem(),
                () -> "stdout: " + new String(client.rawOutput(), StandardCharsets.UTF_8));
    }

    private static void assertNoParseErrorWasAnswered(RpcTestClient client) {
        for (RpcTestClient.Frame frame : client.frames()) {
            assertFalse(frame.json().has("id") && frame.json().get("id").isJsonNull(), "unexpected: " + frame.json());
        }
    }

    private static void assertB28FirstFrameWasReadWhole(ServerProcess server, RpcTestClient client) throws Exception {
        JsonObject unknown = client.awaitResponse(1);
        assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());
        JsonObject pong = client.request("agent/ping", Map.of("text", B28_TEXT)).getAsJsonObject();
        assertEquals(B28_TEXT, pong.get("text").getAsString());
        assertNoParseErrorWasAnswered(client);
        shutDownCleanly(server, client);
    }

    @Test
    void readsBothB28FramesWrittenInOneGo() throws Exception {
        try (ServerProcess server = ServerProcess.stdio(); RpcTestClient client = new RpcTestClient(server)) {
            client.writeRaw(bytes("B28-multibyte-two-frames.bin"));

            assertB28FirstFrameWasReadWhole(server, client);
        }
    }

    @Test
    void readsBothB28FramesWrittenOneBytePerWrite() throws Exception {
        try (ServerProcess server = ServerProcess.stdio(); RpcTestClient client = new RpcTestClient(server)) {
            client.writeOneBytePerWrite(bytes("B28-multibyte-two-frames.bin"));

            assertB28FirstFrameWasReadWhole(server, client);
        }
    }

    @Test
    void answersB28sShortLengthWithAParseErrorAndStillAnswersThePingAfterIt() throws Exception {
        try (ServerProcess server = ServerProcess.stdio(); RpcTestClient client = new RpcTestClient(server)) {
            client.writeRaw(bytes("B28-multibyte-short-length.bin"));

            JsonObject parseError = client.awaitResponse(JsonNull.INSTANCE, RpcTestClient.TIMEOUT);
            assertEquals(-32700, parseError.getAsJsonObject("error").get("code").getAsInt());
            JsonObject pong = client.awaitResponse(2);
            assertTrue(pong.has("result"), pong.toString());
            shutDownCleanly(server, client);
        }
    }

    @Test
    void outgoingContentLengthIsTheUtf8ByteCount() throws Exception {
        try (ServerProcess server = ServerProcess.stdio(); RpcTestClient client = new RpcTestClient(server)) {
            JsonPrimitive id = (JsonPrimitive) client.send("agent/ping", Map.of("text", B28_TEXT));
            client.awaitResponse(id, RpcTestClient.TIMEOUT);

            RpcTestClient.Frame frame = client.frames().stream().filter(f -> id.equals(f.json().get("id"))).findFirst().orElseThrow();
            String body = new String(frame.body(), StandardCharsets.UTF_8);
            assertEquals(frame.body().length, frame.declaredLength());
            assertTrue(body.length() < frame.declaredLength(), "the echo must hold multi-byte text: " + body);
            shutDownCleanly(server, client);
        }
    }

    @Test
    void answersAllThreeB30HeaderVariants() throws Exception {
        try (ServerProcess server = ServerProcess.stdio(); RpcTestClient client = new RpcTestClient(server)) {
            client.writeRaw(bytes("B30-header-variants.bin"));

            for (int id : List.of(6, 7, 8)) {
                assertTrue(client.awaitResponse(id).has("result"), "ping " + id);
            }
            shutDownCleanly(server, client);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "B31-huge-length.bin        | Content-Length 2147483648 is over the limit of 67108864 bytes",
            "B31-overflow-length.bin    | Content-Length 99999999999999999999 is over the limit of 67108864 bytes",
            "B31-negative-length.bin    | Content-Length -5 is negative",
            "B31-nonnumeric-length.bin  | Content-Length 'abc' is not a number"})
    void aB31LengthEndsTheProcessWithOneClearLineAndNoOutOfMemory(String file, String problem) throws Exception {
        assertProtocolErrorEndsTheProcess(bytes(file), problem);
    }

    @Test
    void anEndlessHeaderLineEndsTheProcessAfterItsCap() throws Exception {
        // what B31-endless-header.gen.sh writes: a 4 MiB header line with no CRLF
        byte[] endless = ("X-Padding: " + "A".repeat(4 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);

        assertProtocolErrorEndsTheProcess(endless, "a header line is longer than 8192 bytes");
    }

    private static void assertProtocolErrorEndsTheProcess(byte[] input, String problem) throws Exception {
        try (ServerProcess server = ServerProcess.builder().jvmOption("-Xmx256m").start("serve", "--stdio");
             RpcTestClient client = new RpcTestClient(server)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    client.writeRaw(input);
                } catch (UncheckedIOException e) {
                    // the server closed its end mid-write, as it should
                }
            });

            // stdin stays open: the server must leave on its own
            int code = server.awaitExit(EXIT_WAIT);
            writer.join(EXIT_WAIT.toMillis());

            String stderr = server.stderrAfterExit();
            assertEquals(1, code, stderr);
            List<String> lines = stderr.lines().toList();
            assertEquals(1, lines.size(), stderr);
            assertTrue(lines.get(0).endsWith(" ERROR FrameReader: Protocol error: " + problem + "; closing the connection"),
                    lines.get(0));
            assertFalse(stderr.contains("OutOfMemoryError"), stderr);
            client.awaitEnd(EXIT_WAIT);
            assertEquals(0, client.rawOutput().length, "nothing may reach stdout");
        }
    }

    @Test
    void stdoutCarriesOnlyFramesEvenWithDebugLogging() throws Exception {
        try (ServerProcess server = ServerProcess.builder().start("serve", "--stdio", "--log-level", "DEBUG");
             RpcTestClient client = new RpcTestClient(server)) {
            assertEquals(B28_TEXT, client.request("agent/ping", Map.of("text", B28_TEXT)).getAsJsonObject().get("text").getAsString());
            RpcTestClient.RpcError notInitialized = org.junit.jupiter.api.Assertions.assertThrows(RpcTestClient.RpcError.class,
                    () -> client.request("chat/send", Map.of("message", "hello")));
            assertEquals(-32002, notInitialized.code());
            RpcTestClient.RpcError unknown = org.junit.jupiter.api.Assertions.assertThrows(RpcTestClient.RpcError.class,
                    () -> client.request("agent/chat", Map.of()));
            assertEquals(-32601, unknown.code());
            client.writeRaw("Content-Length: 9\r\n\r\nnot json!".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-32700, client.awaitResponse(JsonNull.INSTANCE, RpcTestClient.TIMEOUT)
                    .getAsJsonObject("error").get("code").getAsInt());

            shutDownCleanly(server, client);
            String stderr = server.stderrAfterExit();
            assertTrue(stderr.contains(" DEBUG "), "debug logs go to stderr: " + stderr);
            assertTrue(stderr.lines().anyMatch(l -> l.contains(" WARN FrameReader: Answered error -32700: Parse error: the "
                    + "message body is not valid JSON (malformed JSON at line 1 column 6 path $)")), stderr);
        }
    }
}
