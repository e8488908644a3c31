package dev.daalu.server.agent;

import dev.daalu.server.approval.Approver;
import dev.daalu.server.concurrent.CancelToken;

/**
 * Runs turns of conversations in one workspace. Both hosts (the JSON-RPC server and {@code daalu chat})
 * drive the same implementation, {@link AgentLoop}.
 *
 * <p>Threading: {@link #runTurn} blocks its caller until the turn ends; call it on a worker thread, never
 * on a thread that must keep reading messages (an approval's answer arrives there). Turns of different
 * sessions may run concurrently; a session runs one turn at a time.
 */
public interface Agent {

    /**
     * Runs one turn: the user's message, then model calls and tool calls until the model answers
     * without tool calls, the step limit is hit, a loop is detected, an error occurs, or {@code cancel} fires.
     *
     * @param sessionId the session to continue (created beforehand by {@link SessionStore#create()}, or a stored one)
     * @param userMessage the user's message
     * @param listener receives the turn's events
     * @param approver asked before every side effect
     * @param cancel cancels the turn (closes the model stream, kills a running command, withdraws approvals)
     * @return how the turn ended; never throws for model, tool or cancellation failures
     */
    TurnOutcome runTurn(String sessionId, String turnId, String userMessage, TurnListener listener, Approver approver,
                        CancelToken cancel);
}
