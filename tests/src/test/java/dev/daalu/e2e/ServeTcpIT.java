package dev.daalu.e2e;

import dev.daalu.e2e.harness.RpcTestClient;
import dev.daalu.e2e.harness.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code daalu serve --port 0}: a free loopback port, printed on stderr, served until a client sends exit. */
@Timeout(120)
class ServeTcpIT {

    private static final Pattern LISTENING = Pattern.compile("daalu: listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void servesOneClientAfterAnotherOnLoopbackUntilExit() throws Exception {
        try (ServerProcess server = ServerProcess.builder().start("serve", "--port", "0")) {
            int port = Integer.parseInt(server.awaitStderr(LISTENING, Duration.ofSeconds(30)).group(1));

            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port)) {
                RpcTestClient client = new RpcTestClient(first.getOutputStream(), first.getInputStream());
                assertEquals("one", client.request("agent/ping", Map.of("text", "one")).getAsJsonObject().get("text").getAsString());
            }
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                RpcTestClient client = new RpcTestClient(second.getOutputStream(), second.getInputStream());
                assertEquals("two", client.request("agent/ping", Map.of("text", "two")).getAsJsonObject().get("text").getAsString());
                assertTrue(client.request("shutdown", null).isJsonNull());
                client.notify("exit", null);
                assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.stderr());
            }
        }
    }
}
