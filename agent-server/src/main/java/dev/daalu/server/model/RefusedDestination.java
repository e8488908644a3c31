package dev.daalu.server.model;

import java.io.IOException;

/**
 * Thrown by an HTTP interceptor that refuses to send a request at all, such as the perimeter that allows
 * only in-perimeter inference tiers. {@link OpenAiChatClient} reports it as
 * {@link ModelError.Reason#PERIMETER} with this exception's message, instead of a connection failure.
 */
public class RefusedDestination extends IOException {

    private static final long serialVersionUID = 1L;

    public RefusedDestination(String message) {
        super(message);
    }
}
