package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.runtime.WorkspaceOpener;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Serves the JSON-RPC server over a byte stream: stdin/stdout ({@code daalu serve --stdio}) or loopback TCP, one
 * client at a time ({@code daalu serve --port N}). Each connection gets a fresh {@link RpcServer}; its workspace is
 * closed when the connection ends.
 *
 * <p>Exit codes: 0 after {@code shutdown} then {@code exit}, or when the client closes its end; 1 for {@code exit}
 * without {@code shutdown}, for a fatal protocol error (a bad Content-Length, an endless header line), and when
 * reading fails.
 */
public final class RpcHost {

    private static final Logger LOG = Logger.getLogger(RpcHost.class.getName());

    private final WorkspaceOpener opener;
    private final FrameLimits limits;
    private final SecretRedactor redactor;
    private final Clock clock;

    public RpcHost(WorkspaceOpener opener, FrameLimits limits, SecretRedactor redactor, Clock clock) {
        this.opener = opener;
        this.limits = limits;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** Serves one connection until {@code exit}, the end of input, or a fatal protocol error; returns the exit code. */
    public int serve(InputStream input, OutputStream output) {
        Served served = serveConnection(input, output);
        if (served.exitCode() != null) {
            return served.exitCode();
        }
        return switch (served.end().kind()) {
            case END_OF_INPUT, CLOSED -> 0;
            case PROTOCOL_ERROR, IO_ERROR -> 1;
        };
    }

    /**
     * Accepts connections on {@code listener} (bound to loopback by the caller) one after another, until a client
     * sends {@code exit}; returns that exit code.
     */
    public int serveTcp(ServerSocket listener) throws IOException {
        while (true) {
            try (Socket socket = listener.accept()) {
                socket.setTcpNoDelay(true);
                LOG.fine(() -> "Client connected from " + socket.getRemoteSocketAddress());
                Served served = serveConnection(socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
                if (served.exitCode() != null) {
                    return served.exitCode();
                }
                LOG.fine(() -> "Client disconnected: " + served.end().kind());
            }
        }
    }

    private Served serveConnection(InputStream input, OutputStream output) {
        RpcServer server = new RpcServer(opener, RpcExecutors.create(), clock, redactor);
        RpcConnection connection = RpcConnection.start(input, output, server, limits, redactor);
        try {
            CompletableFuture.anyOf(connection.ended(), server.exitRequested()).join();
            Integer exitCode = server.exitRequested().getNow(null);
            return new Served(exitCode, connection.ended().getNow(ConnectionEnd.of(ConnectionEnd.Kind.CLOSED)));
        } finally {
            connection.close();
            server.close();
            try {
                output.flush();
            } catch (IOException e) {
                // the client is gone; nothing is left to say to it
            }
        }
    }

    private record Served(Integer exitCode, ConnectionEnd end) { }
}
