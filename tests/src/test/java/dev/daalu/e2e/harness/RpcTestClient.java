package dev.daalu.e2e.harness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC client that works on raw bytes, so tests can see exactly what the server wrote. Its reader is strict:
 * the server's output must be {@code Content-Length: N\r\n\r\n} followed by exactly N bytes of UTF-8 JSON, frame
 * after frame, from the first byte to the last. Anything else is recorded as a {@link #framingProblem()} and reading
 * stops, which is how stdout pollution (B33) shows.
 *
 * <p>Typed use: {@link #request} returns a response's {@code result} (or throws {@link RpcError}), incoming
 * notifications queue up for {@link #awaitNotification}, and requests from the server ({@code approval/request}) are
 * answered by handlers set with {@link #onRequest}. Raw use: {@link #writeRaw} and {@link #writeOneBytePerWrite}
 * send bytes as they are, and {@link #awaitResponse} finds the response for any id, null included.
 *
 * <p>Thread-safe.
 */
public final class RpcTestClient implements AutoCloseable {

    /** Everything waits at most this long by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern HEADER = Pattern.compile("Content-Length: (\\d{1,9})");

    private final Gson gson = new GsonBuilder().serializeNulls().create();
    private final OutputStream toServer;
    private final InputStream fromServer;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final List<Frame> frames = new ArrayList<>();
    private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
    private final Map<String, Function<JsonElement, JsonElement>> handlers = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream rawStdout = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile String framingProblem;
    private volatile boolean ended;

    public RpcTestClient(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        this.fromServer = fromServer;
        this.reader = Thread.ofPlatform().daemon().name("rpc-test-client").start(this::read);
    }

    public RpcTestClient(ServerProcess server) {
        this(server.stdin(), server.stdout());
    }

    /** One frame as it came: its declared length, its body bytes, and the body parsed. */
    public record Frame(int declaredLength, byte[] body, JsonObject json) { }

    /** An error response. */
    public static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final transient JsonElement data;

        RpcError(JsonObject error) {
            super(error.get("code").getAsInt() + " " + error.get("message").getAsString());
            this.code = error.get("code").getAsInt();
            this.data = error.get("data");
        }

        public int code() {
            return code;
        }

        public JsonElement data() {
            return data;
        }

        /** The error's message without the code. */
        public String text() {
            return getMessage().substring(getMessage().indexOf(' ') + 1);
        }
    }

    // ---- sending

    /** Sends a request and returns its result; throws {@link RpcError} for an error response. */
    public JsonElement request(String method, Object params) {
        JsonObject response = awaitResponse(send(method, params), TIMEOUT);
        if (response.has("error") && !response.get("error").isJsonNull()) {
            throw new RpcError(response.getAsJsonObject("error"));
        }
        return response.get("result");
    }

    /** Sends a request without waiting; returns its id. */
    public JsonElement send(String method, Object params) {
        JsonPrimitive id = new JsonPrimitive(nextId.incrementAndGet());
        JsonObject message = new JsonObject();
        message.addProperty("jsonrpc", "2.0");
        message.add("id", id);
        message.addProperty("method", method);
        message.add("params", gson.toJsonTree(params));
        writeFrame(message);
        return id;
    }

    public void notify(String method, Object params) {
        JsonObject message = new JsonObject();
        message.addProperty("jsonrpc", "2.0");
        message.addProperty("method", method);
        message.add("params", gson.toJsonTree(params));
        writeFrame(message);
    }

    /** Answers requests from the server for {@code method} with {@code handler}'s result (others get -32601). */
    public void onRequest(String method, Function<JsonElement, JsonElement> handler) {
        handlers.put(method, handler);
    }

    public void writeFrame(JsonObject message) {
        byte[] body = gson.toJson(message).getBytes(StandardCharsets.UTF_8);
        writeRaw(concat(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body));
    }

    /** Writes {@code bytes} as they are, in one write. */
    public void writeRaw(byte[] bytes) {
        synchronized (toServer) {
            try {
                toServer.write(bytes);
                toServer.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the server's stdin is closed", e);
            }
        }
    }

    /** Writes {@code bytes} one byte per write, flushing each, so reads on the other side see them split. */
    public void writeOneBytePerWrite(byte[] bytes) {
        synchronized (toServer) {
            try {
                for (byte b : bytes) {
                    toServer.write(b);
                    toServer.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the server's stdin is closed", e);
            }
        }
    }

    /** Closes the server's stdin: the end of input. */
    public void closeInput() throws IOException {
        synchronized (toServer) {
            toServer.close();
        }
    }

    // ---- receiving

    /** The response with this id (a number, a string or JSON null), waiting up to {@code timeout}. */
    public JsonObject awaitResponse(JsonElement id, Duration timeout) {
        JsonElement wanted = id == null ? JsonNull.INSTANCE : id;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                for (Frame frame : frames) {
                    JsonObject json = frame.json();
                    if (!json.has("method") && wanted.equals(json.get("id"))) {
                        return json;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError("no response with id " + wanted + " within " + timeout
                            + (framingProblem == null ? "" : "; framing problem: " + framingProblem) + "; frames: " + jsonFrames());
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public JsonObject awaitResponse(int id) {
        return awaitResponse(new JsonPrimitive(id), TIMEOUT);
    }

    /** The next notification of {@code method}, skipping others; fails after {@code timeout}. */
    public JsonObject awaitNotification(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject next = notifications.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no " + method + " notification within " + timeout);
            }
            if (method.equals(next.get("method").getAsString())) {
                return next;
            }
        }
    }

    /** Every frame read so far, in order. */
    public List<Frame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    private List<String> jsonFrames() {
        return frames.stream().map(f -> f.json().toString()).toList();
    }

    /** Waits until the server's stdout ends (the process exited or closed it). */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the server's stdout did not end within " + timeout);
        }
    }

    /** Why the output stopped parsing as frames, if it did. */
    public Optional<String> framingProblem() {
        return Optional.ofNullable(framingProblem);
    }

    /** Every byte read from the server, for error messages. */
    public byte[] rawOutput() {
        synchronized (rawStdout) {
            return rawStdout.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        closeInput();
    }

    private void read() {
        try {
            while (true) {
                String header = readHeaderLine();
                if (header == null) {
                    return;
                }
                Matcher length = HEADER.matcher(header);
                if (!length.matches()) {
                    fail("expected 'Content-Length: N', got '" + header + "'");
                    return;
                }
                if (!"".equals(readHeaderLine())) {
                    fail("expected the empty line after Content-Length");
                    return;
                }
                int declared = Integer.parseInt(length.group(1));
                byte[] body = fromServer.readNBytes(declared);
                record(body);
                if (body.length < declared) {
                    fail("the output ended " + (declared - body.length) + " bytes into a body");
                    return;
                }
                accept(new Frame(declared, body, parse(body)));
            }
        } catch (IOException | IllegalArgumentException e) {
            fail(e.getMessage());
        } finally {
            ended = true;
            synchronized (frames) {
                frames.notifyAll();
            }
        }
    }

    /** One CRLF-terminated line; null at a clean end of input (before any byte of it). */
    private String readHeaderLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = fromServer.read();
            if (b < 0) {
                if (line.size() > 0) {
                    fail("the output ended inside a header line");
                    throw new IllegalArgumentException(framingProblem);
                }
                return null;
            }
            record(new byte[] {(byte) b});
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IllegalArgumentException("a header line not ended by CRLF: '"
                            + new String(bytes, StandardCharsets.ISO_8859_1) + "'");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > 1024) {
                throw new IllegalArgumentException("not a frame header: '" + line.toString(StandardCharsets.ISO_8859_1)
                        .substring(0, 80) + "...'");
            }
        }
    }

    private static JsonObject parse(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a body that is not UTF-8");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a body that is not one JSON object: " + e.getMessage());
        }
    }

    private void accept(Frame frame) {
        JsonObject json = frame.json();
        if (json.has("method") && json.has("id")) {
            answer(json);
        } else if (json.has("method")) {
            notifications.add(json);
        }
        synchronized (frames) {
            frames.add(frame);
            frames.notifyAll();
        }
    }

    private void answer(JsonObject request) {
        String method = request.get("method").getAsString();
        Function<JsonElement, JsonElement> handler = handlers.get(method);
        JsonObject response = new JsonObject();
        response.addProperty("jsonrpc", "2.0");
        response.add("id", request.get("id"));
        if (handler == null) {
            JsonObject error = new JsonObject();
            error.addProperty("code", -32601);
            error.addProperty("message", "the test client does not handle " + method);
            response.add("error", error);
        } else {
            response.add("result", handler.apply(request.get("params")));
        }
        Thread.ofPlatform().daemon().start(() -> writeFrame(response));
    }

    private void record(byte[] bytes) {
        synchronized (rawStdout) {
            rawStdout.writeBytes(bytes);
        }
    }

    private void fail(String problem) {
        if (framingProblem == null) {
            framingProblem = problem;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
