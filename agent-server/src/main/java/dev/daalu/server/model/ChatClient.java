package dev.daalu.server.model;

import dev.daalu.server.concurrent.CancelToken;

/**
 * Talks to one OpenAI-compatible model server.
 *
 * <p>Threading: thread-safe; {@link #complete} blocks the calling thread until the answer is
 * complete, an error occurs, or {@code cancel} fires (which closes the HTTP stream at once).
 *
 * <p>Example:
 * <pre>{@code
 * ChatCompletion answer = client.complete(request, new ChatStreamListener() {
 *     public void onContent(String delta) { out.print(delta); }
 * }, cancelToken);
 * }</pre>
 */
public interface ChatClient {

    /**
     * Sends {@code request} and assembles the streamed answer.
     *
     * @throws ModelError on any failure: HTTP error, refused connection, timeout, a stream cut short,
     *     an error inside the stream, or cancellation ({@link ModelError.Reason#CANCELLED}); the message
     *     names the endpoint and carries the server's own message
     */
    ChatCompletion complete(ChatRequest request, ChatStreamListener listener, CancelToken cancel) throws ModelError;

    /** The base URL this client sends to, for messages and logs. */
    String endpoint();
}
