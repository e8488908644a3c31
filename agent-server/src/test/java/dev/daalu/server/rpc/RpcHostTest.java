package dev.daalu.server.rpc;

import dev.daalu.server.Cases;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.protocol.DaaluServer;
import dev.daalu.server.protocol.PingParams;
import dev.daalu.server.runtime.WorkspaceOpener;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RpcHostTest {

    private static final WorkspaceOpener NO_WORKSPACE = (root, progress) -> {
        throw new IOException("no workspace in this test");
    };

    private final RpcHost host = new RpcHost(NO_WORKSPACE, FrameLimits.defaults(), new SecretRedactor(), Clock.systemUTC());

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    @Test
    void servesAStreamUntilShutdownAndExitAndReturnsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = concat(frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"),
                frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));

        int code = host.serve(new ByteArrayInputStream(in), out);

        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"id\":1,\"result\":null"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void returnsOneForAFatalProtocolError() {
        int code = host.serve(new ByteArrayInputStream(Cases.bytes("B31-huge-length.bin")), new ByteArrayOutputStream());

        assertEquals(1, code);
    }

    @Test
    void returnsZeroWhenTheClientClosesItsEnd() {
        int code = host.serve(new ByteArrayInputStream(frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"agent/ping\"}")),
                new ByteArrayOutputStream());

        assertEquals(0, code);
    }

    @Test
    void servesLoopbackTcpOneClientAfterAnotherUntilExit() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return host.serveTcp(listener);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            assertEquals("first", pingOverTcp(listener.getLocalPort(), "first", false));
            assertEquals("second", pingOverTcp(listener.getLocalPort(), "second", true));

            assertEquals(1, served.get(10, TimeUnit.SECONDS));
        }
    }

    private static String pingOverTcp(int port, String text, boolean exit) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Launcher<DaaluServer> client = new Launcher.Builder<DaaluServer>()
                    .setLocalService(new RecordingClient())
                    .setRemoteInterface(DaaluServer.class)
                    .setInput(socket.getInputStream())
                    .setOutput(socket.getOutputStream())
                    .create();
            client.startListening();
            String echoed = client.getRemoteProxy().ping(new PingParams(text)).get(10, TimeUnit.SECONDS).text();
            if (exit) {
                client.getRemoteProxy().exit();
            }
            return echoed;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
