package dev.daalu.server.rpc;

import dev.daalu.server.protocol.ErrorCodes;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Writes messages as LSP frames: LSP4J's {@link StreamMessageConsumer} header ({@code Content-Length} is the
 * UTF-8 byte count of the body), with a size limit. A message whose body would exceed
 * {@link FrameLimits#maxContentBytes()} is never written:
 * <ul>
 *   <li>a response becomes an error response ({@code -32603}) with the same id, saying how large the result was;</li>
 *   <li>a request (an {@code approval/request} for a huge file) is refused with {@link MessageTooLargeException},
 *       which fails the caller's future;</li>
 *   <li>a notification is dropped with a warning in the log.</li>
 * </ul>
 *
 * <p>Thread-safe: each frame is written whole, header and body, under one lock.
 */
public final class FrameWriter extends StreamMessageConsumer {

    private static final Logger LOG = Logger.getLogger(FrameWriter.class.getName());

    private final OutputStream output;
    private final MessageJsonHandler json;
    private final long maxContentBytes;
    private final Object lock = new Object();

    public FrameWriter(OutputStream output, MessageJsonHandler json, FrameLimits limits) {
        super(output, json);
        this.output = output;
        this.json = json;
        this.maxContentBytes = limits.maxContentBytes();
    }

    @Override
    public void consume(Message message) {
        byte[] body = json.serialize(message).getBytes(StandardCharsets.UTF_8);
        if (body.length > maxContentBytes) {
            Message replacement = oversized(message, body.length);
            if (replacement == null) {
                return;
            }
            body = json.serialize(replacement).getBytes(StandardCharsets.UTF_8);
        }
        byte[] header = getHeader(body.length).getBytes(StandardCharsets.US_ASCII);
        synchronized (lock) {
            try {
                output.write(header);
                output.write(body);
                output.flush();
            } catch (IOException e) {
                throw new JsonRpcException(e);
            }
        }
    }

    /** What goes out instead of a message that is too large; null for nothing. */
    private Message oversized(Message message, long bytes) {
        String size = bytes + " bytes, over the " + maxContentBytes + "-byte message limit";
        if (message instanceof ResponseMessage response) {
            LOG.warning("Replaced a response of " + size + " with an error");
            ResponseMessage error = new ResponseMessage();
            error.setJsonrpc(response.getJsonrpc());
            error.setRawId(response.getRawId());
            error.setError(new ResponseError(ErrorCodes.INTERNAL_ERROR, "The result was " + size
                    + "; ask for less (a smaller maxTokens or maxResults, or a narrower query)", null));
            return error;
        }
        if (message instanceof RequestMessage request) {
            throw new MessageTooLargeException("The '" + request.getMethod() + "' request was " + size);
        }
        LOG.warning("Dropped a '" + ((NotificationMessage) message).getMethod() + "' notification of " + size);
        return null;
    }

    /** A request that would exceed the message limit; it was not sent. */
    public static final class MessageTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MessageTooLargeException(String message) {
            super(message);
        }
    }
}
