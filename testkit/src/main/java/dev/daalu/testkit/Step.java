package dev.daalu.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ScriptedModelServer} answers to one {@code POST /v1/chat/completions}. Steps are used in
 * order, one per request. The JSON form is documented on {@link Script}.
 */
public sealed interface Step {

    /** How a streamed answer is delivered; {@link #DEFAULT} streams all of it at once, in the vLLM dialect. */
    record Delivery(Dialect dialect, Duration delay, int cutAfterChunks, boolean holdOpen, Usage usage,
                    String finishReason) {

        public static final Delivery DEFAULT = new Delivery(Dialect.VLLM, Duration.ZERO, -1, false, null, null);

        public Delivery {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(delay, "delay");
        }

        /** Envelopes of another server. */
        public Delivery dialect(Dialect value) {
            return new Delivery(value, delay, cutAfterChunks, holdOpen, usage, finishReason);
        }

        /** A pause before every event: longer than a client's read timeout, it makes the client time out. */
        public Delivery delay(Duration value) {
            return new Delivery(dialect, value, cutAfterChunks, holdOpen, usage, finishReason);
        }

        /** Ends the stream after {@code chunks} events, without a finish reason or {@code [DONE]}. */
        public Delivery cutAfter(int chunks) {
            return new Delivery(dialect, delay, chunks, holdOpen, usage, finishReason);
        }

        /**
         * Keeps the stream open after its events (usually with {@link #cutAfter}) until the client disconnects,
         * which {@link ScriptedModelServer#awaitDisconnect} then reports. SSE comments are sent meanwhile, so
         * the client's read timeout does not end it.
         */
        public Delivery thenHoldOpen() {
            return new Delivery(dialect, delay, cutAfterChunks, true, usage, finishReason);
        }

        /** The usage to report instead of the computed one. */
        public Delivery usage(Usage value) {
            return new Delivery(dialect, delay, cutAfterChunks, holdOpen, value, finishReason);
        }

        /** The finish reason to send instead of {@code stop} / {@code tool_calls}. */
        public Delivery finishReason(String value) {
            return new Delivery(dialect, delay, cutAfterChunks, holdOpen, usage, value);
        }
    }

    /** Token usage to report. */
    record Usage(int promptTokens, int completionTokens) {
    }

    /** A tool call to stream; a null id is generated in the dialect's format. */
    record Call(String name, JsonObject arguments, String id) {
        public Call {
            Objects.requireNonNull(name, "name");
            arguments = arguments == null ? new JsonObject() : arguments.deepCopy();
        }
    }

    /** A recorded response body, sent as it is (split into events only when delivery asks for it). */
    record Replay(String fixture, byte[] body, String contentType, int status, Delivery delivery) implements Step {
        public Replay {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** Streamed text in the given chunks. */
    record Text(List<String> chunks, Delivery delivery) implements Step {
        public Text {
            chunks = List.copyOf(chunks);
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** Tool calls, each argument text streamed in {@code fragments} pieces, after optional text chunks. */
    record ToolCalls(List<Call> calls, int fragments, List<String> content, Delivery delivery) implements Step {
        public ToolCalls {
            calls = List.copyOf(calls);
            content = List.copyOf(content);
            Objects.requireNonNull(delivery, "delivery");
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a toolCalls step needs at least one call");
            }
            if (fragments < 1) {
                throw new IllegalArgumentException("fragments must be at least 1, not " + fragments);
            }
        }
    }

    /** An HTTP error status with a body, before any streaming. */
    record HttpError(int status, String body, String contentType) implements Step {
        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error step needs a status from 400 to 599, not " + status);
            }
            Objects.requireNonNull(body, "body");
        }
    }

    /** Replays a bundled fixture, e.g. {@code model-servers/vllm/stream-tool-call-single.sse}, with HTTP 200. */
    static Replay replay(String fixture) {
        return replay(fixture, 200);
    }

    static Replay replay(String fixture, int status) {
        return new Replay(fixture, Fixtures.bytes(fixture), Fixtures.contentType(fixture), status, Delivery.DEFAULT);
    }

    /** Streams {@code text} one word (with its leading space) per chunk. */
    static Text text(String text) {
        return new Text(words(text), Delivery.DEFAULT);
    }

    /** Streams these chunks. */
    static Text chunks(List<String> chunks) {
        return new Text(chunks, Delivery.DEFAULT);
    }

    /** One tool call with its arguments streamed in three fragments. */
    static ToolCalls toolCall(String name, JsonObject arguments) {
        return new ToolCalls(List.of(new Call(name, arguments, null)), 3, List.of(), Delivery.DEFAULT);
    }

    /** An error with a JSON body. */
    static HttpError error(int status, JsonElement body) {
        return new HttpError(status, body.toString(), "application/json");
    }

    /** The same step delivered another way; errors are not streamed and stay as they are. */
    default Step with(Delivery delivery) {
        return switch (this) {
            case Replay r -> new Replay(r.fixture(), r.body(), r.contentType(), r.status(), delivery);
            case Text t -> new Text(t.chunks(), delivery);
            case ToolCalls c -> new ToolCalls(c.calls(), c.fragments(), c.content(), delivery);
            case HttpError e -> e;
        };
    }

    /** {@code text} cut before each word: how servers stream one token per chunk, roughly. */
    static List<String> words(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                chunks.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }

    /** {@code text} in {@code count} nearly equal pieces, never splitting a surrogate pair. */
    static List<String> split(String text, int count) {
        int[] codePoints = text.codePoints().toArray();
        int pieces = Math.max(1, Math.min(count, codePoints.length));
        List<String> result = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            int from = codePoints.length * i / pieces;
            int to = codePoints.length * (i + 1) / pieces;
            result.add(new String(codePoints, from, to - from));
        }
        return result;
    }
}
