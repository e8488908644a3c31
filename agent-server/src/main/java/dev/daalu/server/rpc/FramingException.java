package dev.daalu.server.rpc;

/** Input that cannot be framed; the connection cannot go on after it. */
final class FramingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FramingException(String message) {
        super(message, null, false, false);
    }
}
