package dev.daalu.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one {@link Step} as the response to a chat request: an error body, a replayed recording, a
 * generated stream in a dialect (or one JSON body when the request did not ask to stream), with the
 * delivery's delays, cut and hold-open.
 *
 * <p>Threading: one call per exchange, on the server's handler threads; safe to share.
 */
final class StepWriter {

    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);
    private static final byte[] KEEP_ALIVE_COMMENT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final String model;
    private final CountDownLatch closed;
    private final Runnable onDisconnect;
    private final AtomicLong serial = new AtomicLong();

    /**
     * @param closed counted down when the server stops: ends delays and held-open streams
     * @param onDisconnect told when a client went away while its stream was being written
     */
    StepWriter(String model, CountDownLatch closed, Runnable onDisconnect) {
        this.model = model;
        this.closed = closed;
        this.onDisconnect = onDisconnect;
    }

    void write(HttpExchange exchange, Step step, JsonObject request) throws IOException {
        switch (step) {
            case Step.HttpError error -> send(exchange, error.status(), error.contentType(), error.body());
            case Step.Replay replay -> replay(exchange, replay);
            case Step.Text text -> answer(exchange, request, text.delivery(), text.chunks(), List.of(), 1, "stop");
            case Step.ToolCalls calls -> answer(exchange, request, calls.delivery(), calls.content(), calls.calls(),
                    calls.fragments(), "tool_calls");
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void replay(HttpExchange exchange, Step.Replay replay) throws IOException {
        Step.Delivery delivery = replay.delivery();
        boolean verbatim = delivery.delay().isZero() && delivery.cutAfterChunks() < 0 && !delivery.holdOpen();
        if (verbatim || !replay.contentType().equals("text/event-stream")) {
            send(exchange, replay.status(), replay.contentType(), replay.body());
            return;
        }
        List<String> events = new ArrayList<>();
        for (String event : new String(replay.body(), StandardCharsets.UTF_8).split("\n\n")) {
            if (!event.isBlank()) {
                events.add(event + "\n\n");
            }
        }
        stream(exchange, events, delivery);
    }

    private void answer(HttpExchange exchange, JsonObject request, Step.Delivery delivery, List<String> content,
                        List<Step.Call> calls, int fragments, String defaultFinish) throws IOException {
        long id = serial.incrementAndGet();
        List<String> callIds = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String given = calls.get(i).id();
            callIds.add(given != null ? given : delivery.dialect().callId(id * 100 + i));
        }
        Step.Usage usage = delivery.usage() != null ? delivery.usage()
                : new Step.Usage(promptTokens(request), content.size() + calls.size() * fragments);
        Dialect.Answer answer = new Dialect.Answer(delivery.dialect().responseId(id), model, Instant.now().getEpochSecond(),
                content, calls, callIds, fragments, delivery.finishReason() != null ? delivery.finishReason() : defaultFinish,
                usage, includeUsage(request));
        if (!isTrue(request.get("stream"))) {
            send(exchange, 200, "application/json", delivery.dialect().completion(answer).toString());
            return;
        }
        List<String> events = new ArrayList<>();
        for (JsonObject chunk : delivery.dialect().events(answer)) {
            events.add("data: " + chunk + "\n\n");
        }
        events.add("data: [DONE]\n\n");
        stream(exchange, events, delivery);
    }

    private void stream(HttpExchange exchange, List<String> events, Step.Delivery delivery) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        int count = delivery.cutAfterChunks() >= 0 ? Math.min(delivery.cutAfterChunks(), events.size()) : events.size();
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush(); // the headers go out at once, as a streaming server sends them
            for (int i = 0; i < count; i++) {
                if (pauseEndedByClose(delivery.delay())) {
                    return;
                }
                out.write(events.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            while (delivery.holdOpen() && !pauseEndedByClose(KEEP_ALIVE)) {
                // the client's disconnect shows as a failed write: the only sign the JDK server gives
                out.write(KEEP_ALIVE_COMMENT);
                out.flush();
            }
        } catch (IOException e) {
            onDisconnect.run();
        }
    }

    /** Waits {@code pause}; true when the server stopped meanwhile. */
    private boolean pauseEndedByClose(Duration pause) {
        if (pause.isZero()) {
            return closed.getCount() == 0;
        }
        try {
            return closed.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean includeUsage(JsonObject request) {
        JsonElement options = request.get("stream_options");
        return options != null && options.isJsonObject() && isTrue(options.getAsJsonObject().get("include_usage"));
    }

    /**
     * The scripted tokenizer: one token per four characters of what a chat template renders (each message's
     * content and tool calls, and the tools' JSON), plus four tokens of template markers per message.
     */
    static int promptTokens(JsonObject request) {
        JsonElement messages = request.get("messages");
        long chars = 0;
        int count = 0;
        if (messages != null && messages.isJsonArray()) {
            for (JsonElement message : messages.getAsJsonArray()) {
                count++;
                if (!message.isJsonObject()) {
                    continue;
                }
                JsonElement content = message.getAsJsonObject().get("content");
                chars += content != null && content.isJsonPrimitive() ? content.getAsString().length() : 0;
                JsonElement calls = message.getAsJsonObject().get("tool_calls");
                chars += calls != null && calls.isJsonArray() ? calls.toString().length() : 0;
            }
        }
        JsonElement tools = request.get("tools");
        chars += tools != null && tools.isJsonArray() ? tools.toString().length() : 0;
        return (int) ((chars + 3) / 4) + 4 * count;
    }

    private static boolean isTrue(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
    }
}
