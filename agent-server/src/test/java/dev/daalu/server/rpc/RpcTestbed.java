package dev.daalu.server.rpc;

import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.protocol.DaaluServer;
import dev.daalu.server.runtime.WorkspaceOpener;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server connection over in-memory pipes, with an LSP4J client at the other end: the real framing, dispatch and
 * threading, in one process. Records every message the client receives, in arrival order.
 */
final class RpcTestbed implements AutoCloseable {

    final RecordingClient client = new RecordingClient();
    final DaaluServer server;
    final RpcServer rpcServer;
    final RpcConnection connection;
    /** Every message that reached the client, in order: notifications, requests and responses. */
    final List<Message> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Message> arrivals = new LinkedBlockingQueue<>();
    private final OutputStream toServer;
    private final OutputStream toClient;

    RpcTestbed(WorkspaceOpener opener, SecretRedactor redactor) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toServer = Channels.newOutputStream(up.sink());
        InputStream serverIn = Channels.newInputStream(up.source());
        toClient = Channels.newOutputStream(down.sink());
        InputStream clientIn = Channels.newInputStream(down.source());

        rpcServer = new RpcServer(opener, RpcExecutors.create(), Clock.systemUTC(), redactor);
        connection = RpcConnection.start(serverIn, toClient, rpcServer, FrameLimits.defaults(), redactor);
        Launcher<DaaluServer> launcher = new Launcher.Builder<DaaluServer>()
                .setLocalService(client)
                .setRemoteInterface(DaaluServer.class)
                .setInput(clientIn)
                .setOutput(toServer)
                .wrapMessages(consumer -> consumer instanceof RemoteEndpoint ? message -> {
                    received.add(message);
                    arrivals.add(message);
                    consumer.consume(message);
                } : consumer)
                .create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    RpcTestbed(WorkspaceOpener opener) throws IOException {
        this(opener, new SecretRedactor());
    }

    static <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** The next received message that matches; fails after 10 seconds. */
    Message awaitReceived(Predicate<Message> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Message message = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no such message within 10 seconds; received " + received);
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        rpcServer.close();
        toClient.close();
    }
}
