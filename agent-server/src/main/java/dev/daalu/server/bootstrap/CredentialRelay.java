package dev.daalu.server.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The credential helper program git runs during a clone ({@code credential.helper=!java -cp daalu.jar
 * dev.daalu.server.bootstrap.CredentialRelay SOCKET}, to which git appends {@code get}, {@code store} or
 * {@code erase}). It relays git's {@code get} request to the {@link CredentialHelperServer} listening on SOCKET
 * in the daalu process and copies the answer, if any, to stdout. It holds no secret itself: none is in its
 * argv, environment or files, and {@code store}/{@code erase} are read and ignored, since nothing is persisted.
 *
 * <p>Whatever happens it exits 0 and prints nothing but the server's answer, which is how a helper tells git
 * "no credentials" (the server has already answered once, is gone, or declined the request). Only JDK classes
 * are used, so the JVM starts quickly from the shaded jar.
 */
public final class CredentialRelay {

    static final int MAX_BYTES = 64 * 1024;

    private CredentialRelay() {
    }

    public static void main(String[] args) {
        try {
            relay(args, System.in, System.out);
        } catch (IOException | RuntimeException e) {
            // no answer is the answer; git then fails to authenticate and says so itself
        }
        System.exit(0);
    }

    /** Reads git's request from {@code in} and writes the server's answer to {@code out}. */
    static void relay(String[] args, InputStream in, OutputStream out) throws IOException {
        byte[] request = readRequest(in);
        if (args.length != 2 || !"get".equals(args[1])) {
            return;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
            ByteBuffer message = ByteBuffer.allocate(request.length + 4);
            message.put("get\n".getBytes(StandardCharsets.US_ASCII)).put(request).flip();
            while (message.hasRemaining()) {
                channel.write(message);
            }
            channel.shutdownOutput();
            out.write(readAll(channel));
            out.flush();
        }
    }

    /** git's lines up to the blank line that ends a request (or the end of input), at most {@link #MAX_BYTES}. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int previous = '\n';
        int c;
        while (request.size() < MAX_BYTES && (c = in.read()) >= 0) {
            if (c == '\n' && previous == '\n') {
                break;
            }
            request.write(c);
            previous = c;
        }
        return request.toByteArray();
    }

    private static byte[] readAll(SocketChannel channel) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (answer.size() < MAX_BYTES && channel.read(buffer) >= 0) {
            answer.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return answer.toByteArray();
    }
}
