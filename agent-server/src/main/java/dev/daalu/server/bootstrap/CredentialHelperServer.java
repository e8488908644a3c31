package dev.daalu.server.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the clone token to git from this process's memory. It listens on a Unix domain socket in a fresh
 * directory of mode 0700 (so only this user can connect); git runs {@link CredentialRelay} as its credential
 * helper ({@link #helperCommand()}), which forwards git's {@code get} request here. The first request that
 * {@link CredentialScope#admits} is answered with {@code username} and the token; then the socket is closed
 * and deleted, so there is exactly one answer. Other requests get an empty answer and leave it listening.
 *
 * <p>The token is thus never in git's argv or environment, in a file, or in the relay's argv or environment:
 * it crosses the socket once, into the relay's stdout pipe to git.
 *
 * <p>Lifecycle: {@link #start}, pass {@link #helperCommand()} to git, then {@link #close()} (idempotent), which
 * stops listening and removes the directory. Thread-safe; each connection is served on its own virtual thread.
 */
final class CredentialHelperServer implements AutoCloseable {

    private static final String SOCKET_NAME = "helper.sock";

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel listener;
    private final CredentialScope scope;
    private final String username;
    private final ClearToken token;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private CredentialHelperServer(Path directory, ServerSocketChannel listener, CredentialScope scope,
            String username, ClearToken token) {
        this.directory = directory;
        this.socket = directory.resolve(SOCKET_NAME);
        this.listener = listener;
        this.scope = scope;
        this.username = username;
        this.token = token;
        this.acceptor = Thread.ofVirtual().name("credential-helper").unstarted(this::acceptAll);
    }

    /**
     * Starts listening in a new 0700 directory under {@code tempRoot}.
     *
     * @param username sent as {@code username=}; the token is the password
     */
    static CredentialHelperServer start(CredentialScope scope, String username, ClearToken token, Path tempRoot)
            throws IOException {
        Path directory = Files.createTempDirectory(tempRoot, "daalu-credential-",
                PosixFilePermissions.asFileAttribute(StateDirectory.DIRECTORY_MODE));
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(directory.resolve(SOCKET_NAME)));
        } catch (IOException e) {
            listener.close();
            Files.deleteIfExists(directory);
            throw e;
        }
        CredentialHelperServer server = new CredentialHelperServer(directory, listener, scope, username, token);
        server.acceptor.start();
        return server;
    }

    /**
     * The value for {@code -c credential.helper=}: a shell command (git runs {@code !...} helpers through
     * {@code sh}) that starts {@link CredentialRelay} with this JVM's {@code java}, from this code's own jar or
     * class directory, with the socket's path as its only argument before git's operation.
     */
    String helperCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "!" + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto"
                + " -Xlog:disable -Xlog:all=warning:stderr -cp " + quote(codeSource().toString()) + " "
                + CredentialRelay.class.getName() + " " + quote(socket.toString());
    }

    @Override
    public void close() {
        stopListening();
        clients.forEach(CredentialHelperServer::closeQuietly);
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
    }

    private void acceptAll() {
        while (listener.isOpen()) {
            try {
                SocketChannel client = listener.accept();
                clients.add(client);
                Thread.ofVirtual().name("credential-helper-client").start(() -> serve(client));
            } catch (IOException e) {
                // closed by stopListening (the normal end) or a failed accept; either way the loop condition decides
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String message = new String(readAll(client), StandardCharsets.UTF_8);
            int newline = message.indexOf('\n');
            boolean isGet = newline > 0 && message.substring(0, newline).equals("get");
            if (isGet && scope.admits(message.substring(newline + 1)) && answered.compareAndSet(false, true)) {
                stopListening();
                write(client, "username=" + username + "\npassword=" + token.value() + "\n\n");
            }
        } catch (IOException e) {
            // this client went away; the next may still ask
        } finally {
            clients.remove(client);
        }
    }

    private void stopListening() {
        closeQuietly(listener);
        deleteQuietly(socket);
    }

    private static byte[] readAll(SocketChannel client) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (bytes.size() < CredentialRelay.MAX_BYTES && client.read(buffer) >= 0) {
            bytes.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return bytes.toByteArray();
    }

    private static void write(SocketChannel client, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(CredentialRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate daalu's own classes", e);
        }
    }

    /** Single-quotes {@code text} for sh. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is best effort; the directory is removed regardless
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the socket file is gone with its directory, or is left in a 0700 directory holding nothing secret
        }
    }
}
