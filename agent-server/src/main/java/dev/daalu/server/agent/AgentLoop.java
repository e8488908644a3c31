package dev.daalu.server.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import dev.daalu.server.approval.ApprovalGate;
import dev.daalu.server.approval.Approver;
import dev.daalu.server.approval.GateOutcome;
import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.ToolCall;
import dev.daalu.server.tool.OutputLimits;
import dev.daalu.server.tool.Prepared;
import dev.daalu.server.tool.Tool;
import dev.daalu.server.tool.ToolArgs;
import dev.daalu.server.tool.ToolContext;
import dev.daalu.server.tool.ToolException;
import dev.daalu.server.tool.ToolRegistry;
import dev.daalu.server.tool.ToolResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent loop: the user's message, then model calls and tool calls until the model answers without
 * calling a tool.
 *
 * <p>Per step: build the request (system prompt with a fitted repo map, then the conversation), call the
 * model, append its answer, and run its tool calls in order, each result going back as a {@code tool} message
 * with its {@code tool_call_id}. Read-only tools run at once; the others go through the {@link ApprovalGate}.
 * Malformed calls (unknown tool, invalid JSON, bad arguments, a path outside the workspace) become error
 * results the model can act on. The turn stops at the step limit, on a repeated identical call, on a model
 * error, or when cancelled; every tool call still gets a result, so the stored conversation stays valid.
 *
 * <p>The loop checks its {@link CancelToken} before each model and tool call; a cancel also closes the model
 * stream, kills a running command and withdraws a pending approval.
 */
public final class AgentLoop implements Agent {

    private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());
    /** Said when an answer without tool calls stopped at the answer's token limit: its end is missing. */
    static final String ANSWER_CUT_NOTICE = "the answer reached the model's limit of %d tokens and is cut off; "
            + "ask it to continue, or for a shorter answer";
    static final String MALFORMED_CALL_NOTE = "[note from the agent runtime, not from the user] Your last message looked "
            + "like a tool call, but it could not be read, so nothing was run. Call tools through function calling "
            + "with valid JSON arguments. What was wrong: ";

    private final ModelSelection models;
    private final ToolRegistry tools;
    private final ToolContext toolContext;
    private final ApprovalGate gate;
    private final PromptBuilder prompts;
    private final SessionStore sessions;
    private final AgentConfig config;
    private final Condenser condenser = new Condenser();

    public AgentLoop(ModelSelection models, ToolRegistry tools, ToolContext toolContext, ApprovalGate gate,
                     PromptBuilder prompts, SessionStore sessions, AgentConfig config) {
        this.models = models;
        this.tools = tools;
        this.toolContext = toolContext;
        this.gate = gate;
        this.prompts = prompts;
        this.sessions = sessions;
        this.config = config;
    }

    @Override
    public TurnOutcome runTurn(String sessionId, String turnId, String userMessage, TurnListener listener,
                               Approver approver, CancelToken cancel) {
        Session session;
        try {
            session = sessions.get(sessionId);
        } catch (IOException | IllegalArgumentException e) {
            return new TurnOutcome(TurnOutcome.Kind.ERROR, "Cannot open session " + sessionId + ": " + e.getMessage(), null, 0);
        }
        if (!session.turnLock().tryLock()) {
            return new TurnOutcome(TurnOutcome.Kind.ERROR, "Session " + sessionId + " is already running a turn.", null, 0);
        }
        try {
            TurnOutcome outcome = new Turn(session, turnId, listener, approver, cancel).run(userMessage);
            session.endTurn(turnId, outcome.kind());
            return outcome;
        } catch (IOException | UncheckedIOException e) {
            return new TurnOutcome(TurnOutcome.Kind.ERROR, "The session log could not be written: " + e.getMessage(), null, 0);
        } finally {
            session.turnLock().unlock();
        }
    }

    /** The conversation to send, and for each message its index in the session. */
    private record Pending(List<ChatMessage> messages, List<Integer> indices) {
        int sessionIndex(int conversationIndex) {
            return conversationIndex < indices.size() ? indices.get(conversationIndex) : indices.get(indices.size() - 1) + 1;
        }
    }

    /** One turn's state. */
    private final class Turn {
        private final Session session;
        private final String turnId;
        private final TurnListener listener;
        private final Approver approver;
        private final CancelToken cancel;
        private final LoopGuard guard = new LoopGuard();
        private String map;
        private int userIndex;
        private ContextBudget budget;

        Turn(Session session, String turnId, TurnListener listener, Approver approver, CancelToken cancel) {
            this.session = session;
            this.turnId = turnId;
            this.listener = listener;
            this.approver = approver;
            this.cancel = cancel;
        }

        TurnOutcome run(String userMessage) throws IOException {
            userIndex = session.messages().size();
            session.append(ChatMessage.user(userMessage), turnId);
            for (int step = 1; step <= config.maxSteps(); step++) {
                if (cancel.isCancelled()) {
                    return cancelled(step - 1);
                }
                ModelTarget target;
                ChatCompletion completion;
                try {
                    target = models.select();
                    budget = new ContextBudget(target.tokens());
                    completion = callModel(target);
                } catch (ModelError e) {
                    return e.reason() == ModelError.Reason.CANCELLED ? cancelled(step)
                            : new TurnOutcome(TurnOutcome.Kind.ERROR, e.getMessage(), e, step);
                }
                for (String recovery : completion.recoveries()) {
                    LOG.log(System.Logger.Level.INFO, "turn {0}: {1}", turnId, recovery);
                }
                session.append(ChatMessage.assistant(completion.content(), completion.toolCalls()), turnId);
                if (completion.textToolCalls() == ChatCompletion.TextToolCalls.MALFORMED && !completion.hasToolCalls()) {
                    // the model meant to call a tool but wrote something unreadable: tell it, and let it try again
                    session.append(ChatMessage.user(MALFORMED_CALL_NOTE + String.join("; ", completion.recoveries())), turnId);
                    continue;
                }
                if (!completion.hasToolCalls()) {
                    if (completion.truncated()) {
                        listener.onNotice(ANSWER_CUT_NOTICE.formatted(target.maxAnswerTokens()));
                    }
                    return new TurnOutcome(TurnOutcome.Kind.COMPLETED, completion.content(), null, step);
                }
                Optional<TurnOutcome> stop = runToolCalls(completion, target, step);
                if (stop.isPresent()) {
                    return stop.get();
                }
            }
            return new TurnOutcome(TurnOutcome.Kind.STEP_LIMIT, "Stopped after " + config.maxSteps()
                    + " model steps without a final answer. Send a message to continue, or narrow the task.", null, config.maxSteps());
        }

        /**
         * Calls the model with a request fitted to its window; when the server still says the context is too long
         * (its count differs from ours), condenses once and retries.
         */
        private ChatCompletion callModel(ModelTarget target) throws ModelError, IOException {
            ChatRequest request = request(target, fitted(target, false));
            try {
                return stream(target, request);
            } catch (ModelError e) {
                if (e.reason() != ModelError.Reason.CONTEXT_LENGTH) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "turn {0}: the server refused the context length; condensing once", turnId);
                return stream(target, request(target, fitted(target, true)));
            }
        }

        private ChatRequest request(ModelTarget target, FittedRequest fitted) {
            return new ChatRequest(target.servedModel(), fitted.messages(), tools.definitions(), target.maxAnswerTokens(), null);
        }

        private ChatCompletion stream(ModelTarget target, ChatRequest request) throws ModelError {
            StreamedAnswer answer = new StreamedAnswer(listener);
            ChatCompletion completion = target.client().complete(request, answer, cancel);
            answer.finish(completion.contentRetracted());
            target.tokens().calibrate(request, completion.usage());
            return completion;
        }

        /**
         * The request's messages, fitted: older tool results shortened, and when that is not enough (or when
         * {@code condense} asks for it) everything before the newest step condensed into the session's summary.
         *
         * @throws ModelError CONTEXT_LENGTH when even the newest turn alone does not fit
         */
        private FittedRequest fitted(ModelTarget target, boolean condense) throws ModelError, IOException {
            Pending pending = pending();
            FittedRequest fitted = fit(target, pending);
            int cut = pending.sessionIndex(fitted.newestTurnStart());
            if ((condense || !fitted.fits()) && cut > session.summarizedCount()) {
                List<ChatMessage> all = session.messages();
                String summary = condenser.summarize(target, session.summary(), all.subList(session.summarizedCount(), cut), cancel);
                session.summarize(summary, cut);
                listener.onNotice("condensed " + cut + " earlier messages into a summary to fit the model's "
                        + target.contextWindow() + "-token context");
                LOG.log(System.Logger.Level.INFO, "turn {0}: condensed {1} messages", turnId, cut);
                fitted = fit(target, pending());
            }
            if (!fitted.fits()) {
                throw new ModelError(ModelError.Reason.CONTEXT_LENGTH, target.client().endpoint(), "The request needs "
                        + fitted.tokens() + " tokens but the model's context leaves room for " + fitted.limit()
                        + ", even with the history condensed: shorten your message, or start a new conversation.");
            }
            return fitted;
        }

        private FittedRequest fit(ModelTarget target, Pending pending) {
            if (map == null) {
                map = prompts.repoMap((int) Math.min(config.maxMapTokens(), target.contextWindow() * config.mapShare()));
            }
            String system = prompts.systemPrompt(map, session.summary());
            return budget.fit(system, pending.messages(), tools.definitions(), target.contextWindow(), target.maxAnswerTokens());
        }

        /** What is not summarized yet, with this turn's user message kept verbatim even when the summary covers it. */
        private Pending pending() {
            List<ChatMessage> all = session.messages();
            List<ChatMessage> messages = new ArrayList<>();
            List<Integer> indices = new ArrayList<>();
            if (userIndex < session.summarizedCount()) {
                messages.add(all.get(userIndex));
                indices.add(userIndex);
            }
            for (int i = session.summarizedCount(); i < all.size(); i++) {
                messages.add(all.get(i));
                indices.add(i);
            }
            return new Pending(messages, indices);
        }

        /** Runs every call of one model answer; returns an outcome when the turn must stop. */
        private Optional<TurnOutcome> runToolCalls(ChatCompletion completion, ModelTarget target, int step) throws IOException {
            ToolContext context = toolContext.withLimits(OutputLimits.forContextWindow(target.contextWindow()));
            boolean cutByLength = "length".equals(completion.finishReason());
            List<ToolCall> calls = completion.toolCalls();
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                if (cancel.isCancelled()) {
                    answerRemaining(calls, i, "The turn was cancelled; this call did not run.");
                    return Optional.of(cancelled(step));
                }
                if (guard.repeats(call.name(), call.arguments())) {
                    String message = "Stopped: the model called " + call.name() + " with the same arguments "
                            + LoopGuard.MAX_REPEATS + " times. Rephrase the request or give more detail.";
                    answerRemaining(calls, i, "Not run: the turn stopped because this call repeated.");
                    return Optional.of(new TurnOutcome(TurnOutcome.Kind.LOOP_DETECTED, message, null, step));
                }
                GateOutcome outcome = cutByLength ? cutOff(call) : execute(call, context);
                session.append(ChatMessage.tool(call.id(), outcome.result().output()), turnId);
                listener.onToolResult(call.id(), call.name(), status(outcome.status()), outcome.result().output(),
                        outcome.result().truncated());
                if (outcome.status() == GateOutcome.Status.CANCELLED || cancel.isCancelled()) {
                    answerRemaining(calls, i + 1, "The turn was cancelled; this call did not run.");
                    return Optional.of(cancelled(step));
                }
            }
            return Optional.empty();
        }

        private GateOutcome execute(ToolCall call, ToolContext context) {
            Optional<Tool> tool = tools.find(call.name());
            if (tool.isEmpty()) {
                listener.onToolCall(call.id(), call.name(), argumentsForDisplay(call.arguments()), false);
                return new GateOutcome(GateOutcome.Status.ERROR, ToolResult.error("Unknown tool '" + call.name()
                        + "'. The tools are: " + String.join(", ", tools.names()) + "."));
            }
            Prepared prepared;
            try {
                ToolArgs args = ToolArgs.parse(call.name(), call.arguments());
                prepared = tool.get().prepare(args, context);
            } catch (ToolException e) {
                listener.onToolCall(call.id(), call.name(), argumentsForDisplay(call.arguments()), false);
                return new GateOutcome(GateOutcome.Status.ERROR, ToolResult.error(e.getMessage()));
            }
            JsonElement arguments = argumentsForDisplay(call.arguments());
            listener.onToolCall(call.id(), call.name(), arguments, prepared.preview() != null);
            return gate.execute(new ApprovalGate.CallInfo(session.id(), turnId, call.id(), call.name(), arguments),
                    prepared, approver, cancel);
        }

        private GateOutcome cutOff(ToolCall call) {
            listener.onToolCall(call.id(), call.name(), argumentsForDisplay(call.arguments()), false);
            return new GateOutcome(GateOutcome.Status.ERROR, ToolResult.error("This call was cut off at the answer's token "
                    + "limit, so its arguments are incomplete; nothing was run. Make a smaller change (edit_file with a "
                    + "short old_text), or split it into several calls."));
        }

        private void answerRemaining(List<ToolCall> calls, int from, String text) throws IOException {
            for (int j = from; j < calls.size(); j++) {
                session.append(ChatMessage.tool(calls.get(j).id(), text), turnId);
            }
        }

        private TurnOutcome cancelled(int steps) {
            return new TurnOutcome(TurnOutcome.Kind.CANCELLED, "Cancelled.", null, steps);
        }
    }

    private static TurnListener.ToolStatus status(GateOutcome.Status status) {
        return switch (status) {
            case OK -> TurnListener.ToolStatus.OK;
            case ERROR -> TurnListener.ToolStatus.ERROR;
            case DENIED -> TurnListener.ToolStatus.DENIED;
            case CANCELLED -> TurnListener.ToolStatus.CANCELLED;
        };
    }

    /** The parsed arguments, or the raw text as a JSON string when it is not valid JSON. */
    static JsonElement argumentsForDisplay(String raw) {
        try {
            JsonElement parsed = JsonParser.parseString(raw == null || raw.isBlank() ? "{}" : raw);
            return parsed.isJsonNull() ? new JsonPrimitive(raw) : parsed;
        } catch (JsonSyntaxException e) {
            return new JsonPrimitive(raw);
        }
    }
}
