package dev.daalu.server.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daalu.server.protocol.ErrorCodes;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads LSP base-protocol frames ({@code Content-Length: N\r\n\r\n} then N bytes of UTF-8 JSON) from a stream and
 * hands each message to LSP4J. Replaces LSP4J's {@code StreamMessageProducer}, which matches header names
 * case-sensitively, keeps header lines unbounded, answers nothing for invalid JSON, and cannot resynchronise.
 *
 * <p>Framing rules:
 * <ul>
 *   <li>Headers come in any order and any case, with optional whitespace around the value; unknown headers are
 *       ignored; a Content-Type charset must be {@code utf-8} or {@code utf8}. Lines end with CRLF (a bare LF is
 *       accepted). Blank lines between frames are skipped.</li>
 *   <li>The body is buffered until exactly N bytes have arrived and only then decoded, so a character split across
 *       reads stays intact. Its buffer grows with the bytes received, never to N up front.</li>
 *   <li>Fatal, ending the connection with {@link ConnectionEnd.Kind#PROTOCOL_ERROR} and one log line: a header
 *       line over {@link FrameLimits#maxHeaderLineBytes()}, and a Content-Length that is negative, not a number,
 *       over {@link FrameLimits#maxContentBytes()}, or given twice with different values.</li>
 *   <li>Answered, then reading goes on: a body that is not UTF-8 or not JSON gets a parse error ({@code -32700},
 *       id null) and the reader resynchronises at the next {@code Content-Length:} header, which recovers from a
 *       length counted too short (in UTF-16 units, say); JSON that is not a JSON-RPC message gets {@code -32600};
 *       a request whose params do not fit the method gets {@code -32602} with its id. A frame without
 *       Content-Length is logged and skipped by resynchronising too.</li>
 * </ul>
 *
 * <p>Threading: {@link #listen} runs on one thread until the input ends; {@link #close()} may be called from any
 * thread, and stops the loop once the current read returns.
 */
public final class FrameReader implements MessageProducer, Closeable {

    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final FrameInput input;
    private final MessageJsonHandler json;
    private final FrameLimits limits;
    private final MessageConsumer replies;
    private final MessageIssueHandler responseIssues;
    private volatile boolean running;
    private volatile ConnectionEnd end;

    /**
     * @param replies where error responses to bad frames go (the outgoing side of the connection)
     * @param responseIssues told when a response to one of our requests cannot be parsed, so its caller fails
     */
    public FrameReader(InputStream input, MessageJsonHandler json, FrameLimits limits, MessageConsumer replies,
                       MessageIssueHandler responseIssues) {
        this.input = new FrameInput(input, limits.maxHeaderLineBytes());
        this.json = json;
        this.limits = limits;
        this.replies = replies;
        this.responseIssues = responseIssues;
    }

    /** Reads until the input ends, a fatal protocol error, or {@link #close()}; then {@link #end()} says which. */
    @Override
    public void listen(MessageConsumer consumer) {
        running = true;
        try {
            boolean resync = false;
            while (running) {
                Headers headers = resync ? resynchronize() : readHeaders(null);
                if (headers == null) {
                    finish(ConnectionEnd.of(ConnectionEnd.Kind.END_OF_INPUT));
                    return;
                }
                if (headers.contentLength() < 0) {
                    LOG.warning("Skipped a frame without a Content-Length header; looking for the next one");
                    resync = true;
                    continue;
                }
                byte[] body = input.readBody((int) headers.contentLength());
                if (body == null) {
                    LOG.fine("The input ended inside a message body");
                    finish(ConnectionEnd.of(ConnectionEnd.Kind.END_OF_INPUT));
                    return;
                }
                resync = !deliver(headers, body, consumer);
            }
            finish(ConnectionEnd.of(ConnectionEnd.Kind.CLOSED));
        } catch (FramingException e) {
            LOG.severe("Protocol error: " + e.getMessage() + "; closing the connection");
            finish(new ConnectionEnd(ConnectionEnd.Kind.PROTOCOL_ERROR, e.getMessage()));
        } catch (IOException e) {
            if (!running) {
                finish(ConnectionEnd.of(ConnectionEnd.Kind.CLOSED));
            } else if (JsonRpcException.indicatesStreamClosed(e)) {
                finish(ConnectionEnd.of(ConnectionEnd.Kind.END_OF_INPUT));
            } else {
                LOG.log(Level.WARNING, "Reading the connection failed", e);
                finish(new ConnectionEnd(ConnectionEnd.Kind.IO_ERROR, String.valueOf(e.getMessage())));
            }
        }
    }

    /** How reading ended; null while it goes on. */
    public ConnectionEnd end() {
        return end;
    }

    @Override
    public void close() {
        running = false;
    }

    private void finish(ConnectionEnd value) {
        running = false;
        end = value;
    }

    // ---- headers

    /** Reads one header block; null at the end of input. {@code first} is a header line already read, or null. */
    private Headers readHeaders(String first) throws IOException {
        long length = -1;
        String charset = null;
        boolean any = false;
        String text = first;
        while (true) {
            if (text == null) {
                text = input.readLine();
            }
            if (text == null) {
                return null;
            }
            if (text.isEmpty()) {
                if (any) {
                    return new Headers(length, charset);
                }
                text = null;
                continue;
            }
            any = true;
            int colon = text.indexOf(':');
            if (colon > 0) {
                String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = text.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    long parsed = parseLength(value);
                    if (length >= 0 && parsed != length) {
                        throw new FramingException("two different Content-Length headers (" + length + " and " + parsed + ")");
                    }
                    length = parsed;
                } else if (name.equals("content-type")) {
                    charset = charsetOf(value);
                }
            } else {
                LOG.fine("Ignored a header line without a name");
            }
            text = null;
        }
    }

    /**
     * Skips to the next {@code Content-Length:} (any case), after a frame that was not what it claimed to be.
     * A bogus value found there (text that only looked like a header) is skipped too.
     */
    private Headers resynchronize() throws IOException {
        while (true) {
            long skipped = input.skipPast(CONTENT_LENGTH);
            if (skipped < 0) {
                return null;
            }
            LOG.fine(() -> "Resynchronised after skipping " + skipped + " bytes");
            try {
                String rest = input.readLine();
                return rest == null ? null : readHeaders("Content-Length:" + rest);
            } catch (FramingException e) {
                LOG.fine(() -> "Skipped text that looked like a header: " + e.getMessage());
            }
        }
    }

    private long parseLength(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        if (!value.matches("[0-9]+")) {
            throw new FramingException(value.matches("-[0-9]+") ? "Content-Length " + shown + " is negative"
                    : "Content-Length '" + shown + "' is not a number");
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 18 || Long.parseLong(digits) > limits.maxContentBytes()) {
            throw new FramingException("Content-Length " + shown + " is over the limit of " + limits.maxContentBytes() + " bytes");
        }
        return Long.parseLong(digits);
    }

    /** The charset parameter of a Content-Type value, lower-cased; null when there is none. */
    private static String charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String param = part.strip();
            if (param.regionMatches(true, 0, "charset=", 0, 8)) {
                return param.substring(8).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    // ---- body

    /** Handles one body; returns false when the frame was garbage and the reader must resynchronise. */
    private boolean deliver(Headers headers, byte[] body, MessageConsumer consumer) {
        if (headers.charset() != null && !headers.charset().equals("utf-8") && !headers.charset().equals("utf8")) {
            reply(null, ErrorCodes.PARSE_ERROR, "Unsupported charset '" + headers.charset()
                    + "' in Content-Type: message bodies must be UTF-8");
            return true;
        }
        String text;
        JsonElement tree;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            reply(null, ErrorCodes.PARSE_ERROR, "Parse error: the message body is not valid UTF-8 "
                    + "(is Content-Length the UTF-8 byte count?)");
            return false;
        }
        try {
            tree = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            reply(null, ErrorCodes.PARSE_ERROR, "Parse error: the message body is not valid JSON ("
                    + RpcErrors.describe(e) + "); is Content-Length the UTF-8 byte count?");
            return false;
        }
        if (!tree.isJsonObject()) {
            reply(null, ErrorCodes.INVALID_REQUEST, "Invalid request: a message must be a JSON object"
                    + (tree.isJsonArray() ? " (batches are not supported)" : ""));
            return true;
        }
        Message message;
        try {
            message = json.getGson().fromJson(tree, Message.class);
            message.setJsonHandler(json);
        } catch (MessageIssueException e) {
            handleIssue(e, tree.getAsJsonObject());
            return true;
        } catch (JsonParseException e) {
            reply(null, ErrorCodes.INVALID_REQUEST, "Invalid request: not a JSON-RPC request, response or "
                    + "notification (" + RpcErrors.describe(e) + ")");
            return true;
        }
        dispatch(message, consumer);
        return true;
    }

    private void dispatch(Message message, MessageConsumer consumer) {
        try {
            consumer.consume(message);
        } catch (RuntimeException e) {
            // the reader must keep reading whatever one message did
            LOG.log(Level.WARNING, "Handling a message failed", e);
            if (message instanceof RequestMessage request) {
                reply(request.getRawId(), ErrorCodes.INTERNAL_ERROR,
                        "Internal error while handling '" + request.getMethod() + "'; see the server log");
            }
        }
    }

    private void handleIssue(MessageIssueException e, JsonObject tree) {
        Throwable cause = e.getIssues().get(0).getCause();
        String problem = RpcErrors.describe(cause != null ? cause : e);
        Message message = e.getRpcMessage();
        if (message instanceof RequestMessage request) {
            reply(request.getRawId(), ErrorCodes.INVALID_PARAMS, "Invalid params for '" + request.getMethod() + "': "
                    + ParamsProblem.explain(json, request.getMethod(), tree, problem));
        } else if (message instanceof ResponseMessage) {
            responseIssues.handle(message, e.getIssues());
        } else if (message instanceof NotificationMessage notification) {
            LOG.warning("Ignored a '" + notification.getMethod() + "' notification with invalid params: " + problem);
        }
    }

    private void reply(Either<String, Number> id, int code, String text) {
        LOG.warning("Answered error " + code + ": " + text);
        ResponseMessage response = new ResponseMessage();
        response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
        response.setRawId(id);
        response.setError(new ResponseError(code, text, null));
        try {
            replies.consume(response);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not send an error response", e);
        }
    }

    private record Headers(long contentLength, String charset) { }
}
