package dev.daalu.server.rpc.handler;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.daalu.server.agent.TurnListener;
import dev.daalu.server.protocol.ChatDelta;
import dev.daalu.server.protocol.ChatNotice;
import dev.daalu.server.protocol.ChatToolCall;
import dev.daalu.server.protocol.ChatToolResult;
import dev.daalu.server.protocol.DaaluClient;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one turn's events to the client as {@code chat/delta}, {@code chat/toolCall}, {@code chat/toolResult}
 * and {@code chat/notice}, in the order the agent produces them. Sending is a write to the connection; it never
 * throws into the turn.
 */
final class RpcTurnListener implements TurnListener {

    /** Arguments longer than this (a whole file for write_file) are shown as a note; approval/request carries them. */
    static final int MAX_ARGUMENT_CHARS = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(RpcTurnListener.class.getName());

    private final DaaluClient client;
    private final String sessionId;
    private final String turnId;
    private final Object cancelLock;

    /**
     * @param cancelLock held while the turn's cancel hooks run; each event waits for it, so an
     *     {@code approval/withdrawn} sent by a cancel comes before the events that follow the cancel
     */
    RpcTurnListener(DaaluClient client, String sessionId, String turnId, Object cancelLock) {
        this.client = client;
        this.sessionId = sessionId;
        this.turnId = turnId;
        this.cancelLock = cancelLock;
    }

    @Override
    public void onDelta(String text) {
        send(() -> client.chatDelta(new ChatDelta(sessionId, turnId, text)));
    }

    @Override
    public void onToolCall(String callId, String tool, JsonElement arguments, boolean needsApproval) {
        send(() -> client.chatToolCall(new ChatToolCall(sessionId, turnId, callId, tool, shown(arguments), needsApproval)));
    }

    @Override
    public void onToolResult(String callId, String tool, ToolStatus status, String output, boolean truncated) {
        send(() -> client.chatToolResult(new ChatToolResult(sessionId, turnId, callId, tool,
                status.name().toLowerCase(Locale.ROOT), output, truncated)));
    }

    @Override
    public void onNotice(String message) {
        send(() -> client.chatNotice(new ChatNotice(sessionId, turnId, message)));
    }

    private static JsonElement shown(JsonElement arguments) {
        if (arguments == null) {
            return null;
        }
        String text = arguments.toString();
        return text.length() <= MAX_ARGUMENT_CHARS ? arguments
                : new JsonPrimitive("(" + text.length() + " characters of arguments, not shown here)");
    }

    private void send(Runnable notification) {
        try {
            synchronized (cancelLock) {
                notification.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A turn event could not be sent", e);
        }
    }
}
