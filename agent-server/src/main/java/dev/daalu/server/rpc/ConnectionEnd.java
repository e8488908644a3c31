package dev.daalu.server.rpc;

/**
 * Why a connection stopped reading.
 *
 * @param kind what happened
 * @param detail for {@link Kind#PROTOCOL_ERROR} and {@link Kind#IO_ERROR}, what went wrong, in words; else empty
 */
public record ConnectionEnd(Kind kind, String detail) {

    public enum Kind {
        /** The client closed its end (EOF on stdin, or the socket closed). */
        END_OF_INPUT,
        /** The client sent something that cannot be framed (a bad Content-Length, an endless header line). */
        PROTOCOL_ERROR,
        /** Reading failed. */
        IO_ERROR,
        /** This side closed the connection (after {@code exit}, or on shutdown of the host). */
        CLOSED
    }

    public ConnectionEnd {
        detail = detail == null ? "" : detail;
    }

    static ConnectionEnd of(Kind kind) {
        return new ConnectionEnd(kind, "");
    }
}
