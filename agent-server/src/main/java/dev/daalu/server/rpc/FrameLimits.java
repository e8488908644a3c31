package dev.daalu.server.rpc;

/**
 * Size limits of the LSP base protocol framing, the same both ways.
 *
 * @param maxContentBytes the largest message body, in bytes; an incoming Content-Length over it closes the
 *     connection, and an outgoing message over it is replaced (see {@link FrameWriter})
 * @param maxHeaderLineBytes the longest header line, in bytes; a longer one closes the connection
 */
public record FrameLimits(long maxContentBytes, int maxHeaderLineBytes) {

    public static final long DEFAULT_MAX_CONTENT_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_LINE_BYTES = 8 * 1024;

    public FrameLimits {
        if (maxContentBytes < 1024 || maxContentBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the message size limit must be between 1024 and "
                    + (Integer.MAX_VALUE - 16) + " bytes, not " + maxContentBytes);
        }
        if (maxHeaderLineBytes < 64) {
            throw new IllegalArgumentException("the header line limit must be at least 64 bytes");
        }
    }

    public static FrameLimits defaults() {
        return new FrameLimits(DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_HEADER_LINE_BYTES);
    }

    public FrameLimits withMaxContentBytes(long value) {
        return new FrameLimits(value, maxHeaderLineBytes);
    }
}
