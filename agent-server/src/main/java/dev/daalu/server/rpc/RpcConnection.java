package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.DaaluServer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One JSON-RPC connection, assembled from LSP4J's parts the way its {@code Launcher.Builder} does, with our own
 * framing at both ends: {@link FrameReader} instead of {@code StreamMessageProducer}, {@link FrameWriter} instead of a
 * plain {@code StreamMessageConsumer}, and {@link RpcErrors#handler} instead of the default exception handler (which
 * sends stack traces). LSP4J still does the JSON (its {@link MessageJsonHandler}), method dispatch
 * ({@code GenericEndpoint}), requests to the client and their responses, and {@code $/cancelRequest}
 * ({@link RemoteEndpoint}).
 *
 * <p>Threading: one reader thread, {@code daalu-rpc-reader}, reads and dispatches every incoming message; the
 * server's handlers return futures at once and complete them on their own executors. Outgoing messages are written
 * by whichever thread sends them, one whole frame at a time.
 */
public final class RpcConnection {

    private final FrameReader reader;
    private final RemoteEndpoint remote;
    private final CompletableFuture<ConnectionEnd> ended = new CompletableFuture<>();

    private RpcConnection(FrameReader reader, RemoteEndpoint remote) {
        this.reader = reader;
        this.remote = remote;
    }

    /** Connects {@code server} to the client at the other end of {@code input}/{@code output} and starts reading. */
    public static RpcConnection start(InputStream input, OutputStream output, RpcServer server, FrameLimits limits,
                                      SecretRedactor redactor) {
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(DaaluClient.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(DaaluServer.class));
        MessageJsonHandler json = new MessageJsonHandler(methods);
        FrameWriter writer = new FrameWriter(output, json, limits);
        RemoteEndpoint remote = new RemoteEndpoint(writer, ServiceEndpoints.toEndpoint(server), RpcErrors.handler(redactor));
        json.setMethodProvider(remote);
        remote.setJsonHandler(json);
        server.connect(ServiceEndpoints.toServiceObject(remote, DaaluClient.class));

        RpcConnection connection = new RpcConnection(new FrameReader(input, json, limits, writer, remote), remote);
        Thread thread = new Thread(connection::read, "daalu-rpc-reader");
        thread.setDaemon(true);
        thread.start();
        return connection;
    }

    private void read() {
        try {
            reader.listen(remote);
        } finally {
            ended.complete(reader.end() == null ? ConnectionEnd.of(ConnectionEnd.Kind.CLOSED) : reader.end());
        }
    }

    /** Completes when reading stops, saying why. */
    public CompletableFuture<ConnectionEnd> ended() {
        return ended;
    }

    /** Stops reading once the current read returns (the caller closes the stream to make it return). */
    public void close() {
        reader.close();
    }
}
