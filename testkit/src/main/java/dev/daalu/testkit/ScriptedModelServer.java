package dev.daalu.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible model server that answers from a {@link Script}, for end-to-end tests and
 * benchmarks. It binds 127.0.0.1 only and serves:
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: the next step of the script (HTTP 500 with an error body once the
 *       script is used up);</li>
 *   <li>{@code GET /v1/models}: the scripted model with its {@code max_model_len}, in vLLM's shape;</li>
 *   <li>{@code POST /tokenize} when the script enables it: vLLM's shape, one token per four characters;</li>
 *   <li>{@code GET /_scripted/requests} (what was received, as JSON) and {@code POST /_scripted/steps}
 *       (append {@code {"steps":[...]}}), for tests in other processes; these are not recorded.</li>
 * </ul>
 * Every other request is recorded too and answered 404. Tests assert on {@link #requests()} (method, path,
 * headers, parsed JSON body) and {@link #requestCount()}, e.g. that a host sent zero requests.
 *
 * <p>Standalone: {@code java -jar testkit/target/testkit.jar --script FILE.json [--port N]} prints the bound
 * port as one line on stdout and serves until killed.
 *
 * <p>Threading: thread-safe; requests are served concurrently, steps are taken in arrival order.
 */
public final class ScriptedModelServer implements AutoCloseable {

    private static final String USAGE = "usage: java -jar testkit.jar --script FILE.json [--port N]";

    private final Script script;
    private final HttpServer http;
    private final ExecutorService executor;
    private final ConcurrentLinkedDeque<Step> steps = new ConcurrentLinkedDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final Semaphore disconnectSignals = new Semaphore(0);
    private final AtomicInteger disconnects = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final StepWriter writer;

    private ScriptedModelServer(Script script, int port) throws IOException {
        this.script = script;
        this.steps.addAll(script.steps());
        this.writer = new StepWriter(script.model(), closed, () -> {
            disconnects.incrementAndGet();
            disconnectSignals.release();
        });
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scripted-model-server");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    public static ScriptedModelServer start(Script script) throws IOException {
        return start(script, 0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for an ephemeral one). */
    public static ScriptedModelServer start(Script script, int port) throws IOException {
        return new ScriptedModelServer(script, port);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The OpenAI base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Appends steps to the script. */
    public void enqueue(Step... more) {
        steps.addAll(Arrays.asList(more));
    }

    /** The steps not used yet. */
    public int remainingSteps() {
        return steps.size();
    }

    /** Every request received so far, in order, except {@code /_scripted/} ones. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The chat completion requests received so far. */
    public List<RecordedRequest> chatRequests() {
        return requests.stream().filter(RecordedRequest::isChat).toList();
    }

    /** The next request not taken yet, waiting up to {@code timeout}; null if none came. */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until a client disconnected during a stream (one disconnect per call); false on timeout. */
    public boolean awaitDisconnect(Duration timeout) throws InterruptedException {
        return disconnectSignals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many clients went away while their stream was being written. */
    public int disconnectCount() {
        return disconnects.get();
    }

    /** Stops at once: held-open streams and delays end, the port is released. */
    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = readBody(exchange.getRequestBody());
            if (path.startsWith("/_scripted/")) {
                admin(exchange, path, body);
                return;
            }
            RecordedRequest request = record(exchange, path, body);
            route(exchange, request);
        } catch (IOException e) {
            // the client went away before the answer was written; nothing to tell it
        } catch (RuntimeException e) {
            System.err.println("scripted-model-server: " + e);
            StepWriter.send(exchange, 500, "application/json", error(500, "ScriptedModelServer failed: " + e.getMessage()));
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        String key = request.method() + " " + request.path();
        switch (key) {
            case "POST /v1/chat/completions" -> {
                JsonObject body = request.json() != null && request.json().isJsonObject() ? request.jsonObject() : new JsonObject();
                boolean offersTools = body.has("tools") && body.get("tools").isJsonArray() && !body.getAsJsonArray("tools").isEmpty();
                Step step = script.toolless() != null && !offersTools ? script.toolless() : steps.poll();
                if (step == null) {
                    StepWriter.send(exchange, 500, "application/json", error(500, "ScriptedModelServer has no scripted step"
                            + " left for chat request " + chatRequests().size() + " (the script had " + script.steps().size()
                            + " steps)"));
                    return;
                }
                writer.write(exchange, step, request.json() != null && request.json().isJsonObject()
                        ? request.jsonObject() : new JsonObject());
            }
            case "GET /v1/models" -> StepWriter.send(exchange, 200, "application/json", models());
            case "POST /tokenize" -> {
                if (script.tokenize()) {
                    StepWriter.send(exchange, 200, "application/json", tokenize(request));
                } else {
                    StepWriter.send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
                }
            }
            default -> StepWriter.send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
        }
    }

    private void admin(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("/_scripted/requests")) {
            JsonArray list = new JsonArray();
            requests.forEach(request -> list.add(request.toJson()));
            JsonObject json = new JsonObject();
            json.addProperty("count", requests.size());
            json.addProperty("chatCount", chatRequests().size());
            json.addProperty("disconnects", disconnects.get());
            json.addProperty("remainingSteps", steps.size());
            json.add("requests", list);
            StepWriter.send(exchange, 200, "application/json", json.toString());
        } else if (method.equals("POST") && path.equals("/_scripted/steps")) {
            try {
                JsonObject holder = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                // steps added this way use the vLLM dialect unless they name another
                List<Step> added = Script.steps(holder, Step.Delivery.DEFAULT, null);
                steps.addAll(added);
                StepWriter.send(exchange, 200, "application/json", "{\"added\":" + added.size() + "}");
            } catch (RuntimeException e) {
                StepWriter.send(exchange, 400, "application/json", error(400, e.getMessage()));
            }
        } else {
            StepWriter.send(exchange, 404, "application/json", error(404, "Only GET /_scripted/requests and POST"
                    + " /_scripted/steps exist"));
        }
    }

    private RecordedRequest record(HttpExchange exchange, String path, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String text = new String(body, StandardCharsets.UTF_8);
        JsonElement json;
        try {
            json = text.isBlank() ? null : JsonParser.parseString(text);
        } catch (RuntimeException e) {
            json = null;
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, headers, text, json);
        requests.add(request);
        untaken.add(request);
        return request;
    }

    private String models() {
        JsonObject model = new JsonObject();
        model.addProperty("id", script.model());
        model.addProperty("object", "model");
        model.addProperty("created", 1767999600);
        model.addProperty("owned_by", "vllm");
        model.addProperty("root", script.model());
        model.add("parent", JsonNull.INSTANCE);
        model.addProperty("max_model_len", script.maxModelLen());
        JsonArray data = new JsonArray();
        data.add(model);
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        return list.toString();
    }

    private String tokenize(RecordedRequest request) {
        JsonObject body = request.json() != null && request.json().isJsonObject() ? request.jsonObject() : new JsonObject();
        int count = body.has("prompt") && body.get("prompt").isJsonPrimitive()
                ? (body.get("prompt").getAsString().length() + 3) / 4
                : StepWriter.promptTokens(body);
        JsonArray tokens = new JsonArray();
        for (int i = 0; i < count; i++) {
            tokens.add(i);
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("count", count);
        answer.addProperty("max_model_len", script.maxModelLen());
        answer.add("tokens", tokens);
        answer.add("token_strs", JsonNull.INSTANCE);
        return answer.toString();
    }

    private static String error(int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("message", message);
        error.addProperty("type", "ScriptedModelServerError");
        error.addProperty("code", code);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body.toString();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** The prompt tokens of a chat request as this server's {@code /tokenize} counts them (see its README). */
    public static int promptTokens(JsonObject chatRequest) {
        return StepWriter.promptTokens(chatRequest);
    }

    /** Runs a script from a file until killed; prints the bound port as one line on stdout. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path scriptFile = null;
        int port = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--script" -> scriptFile = Path.of(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("scripted-model-server: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (scriptFile == null) {
            err.println("scripted-model-server: --script is required\n" + USAGE);
            return 2;
        }
        ScriptedModelServer server;
        try {
            server = start(Script.load(scriptFile), port);
        } catch (IOException | IllegalArgumentException e) {
            err.println("scripted-model-server: cannot serve " + scriptFile + ": " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println(server.port());
        out.flush();
        try {
            server.closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
