package dev.daalu.server.agent;

import dev.daalu.server.concurrent.CancelToken;
import dev.daalu.server.model.ChatClient;
import dev.daalu.server.model.ChatCompletion;
import dev.daalu.server.model.ChatRequest;
import dev.daalu.server.model.ChatStreamListener;
import dev.daalu.server.model.ModelError;
import dev.daalu.server.model.ToolCall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A chat client that answers from a script and records every request, for tests of the loop. */
final class ScriptedChatClient implements ChatClient {

    /** One scripted answer, computed from the request it answers. */
    @FunctionalInterface
    interface Step {
        ChatCompletion answer(ChatRequest request, ChatStreamListener listener, CancelToken cancel) throws ModelError;
    }

    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<Step> steps = new ArrayDeque<>();

    ScriptedChatClient then(Step step) {
        steps.add(step);
        return this;
    }

    ScriptedChatClient thenText(String... chunks) {
        return then((request, listener, cancel) -> {
            for (String chunk : chunks) {
                listener.onContent(chunk);
            }
            return new ChatCompletion(String.join("", chunks), null, List.of(), "stop", null, List.of());
        });
    }

    ScriptedChatClient thenCalls(ToolCall... calls) {
        return then((request, listener, cancel) -> new ChatCompletion(null, null, List.of(calls), "tool_calls", null, List.of()));
    }

    @Override
    public synchronized ChatCompletion complete(ChatRequest request, ChatStreamListener listener, CancelToken cancel) throws ModelError {
        requests.add(request);
        Step step = steps.poll();
        if (step == null) {
            throw new ModelError(ModelError.Reason.BAD_RESPONSE, endpoint(), "the script has no answer for request " + requests.size());
        }
        return step.answer(request, listener, cancel);
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:1/v1";
    }
}
