package dev.daalu.server.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one {@link ChatCompletion} from streamed chunks or from a whole non-streamed answer, passing
 * content and reasoning to the listener as they arrive.
 *
 * <p>Chunks without choices (the trailing usage chunk) are fine; {@code usage:null} is ignored; usage is
 * taken from whichever chunk carries it. Reasoning comes from {@code reasoning_content} (vLLM 0.10,
 * llama.cpp, SGLang) or {@code reasoning} (Ollama, newer vLLM), or from a leading {@code <think>} block.
 *
 * <p>Not thread-safe: one assembler per answer, fed on the reading thread.
 */
final class CompletionAssembler {

    private final ChatStreamListener listener;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ThinkTagFilter thinkTags;
    private final ToolCallAssembler toolCalls = new ToolCallAssembler();
    private String finishReason;
    private Usage usage;

    CompletionAssembler(ChatStreamListener listener) {
        this.listener = listener;
        this.thinkTags = new ThinkTagFilter(this::onContent, this::onReasoning);
    }

    /** One {@code chat.completion.chunk}. */
    void chunk(JsonObject chunk) {
        readUsage(chunk.get("usage"));
        JsonObject choice = firstChoice(chunk);
        if (choice == null) {
            return;
        }
        JsonElement delta = choice.get("delta");
        if (delta != null && delta.isJsonObject()) {
            part(delta.getAsJsonObject());
        }
        readFinishReason(choice);
    }

    /**
     * A whole {@code chat.completion}, from a server that did not stream.
     *
     * @return false when it holds no choice with a message, so it is not a chat completion
     */
    boolean message(JsonObject completion) {
        readUsage(completion.get("usage"));
        JsonObject choice = firstChoice(completion);
        JsonElement message = choice == null ? null : choice.get("message");
        if (message == null || !message.isJsonObject()) {
            return false;
        }
        part(message.getAsJsonObject());
        readFinishReason(choice);
        return true;
    }

    /** Whether a finish reason arrived, so the answer is complete even if {@code [DONE]} does not follow. */
    boolean finished() {
        return finishReason != null;
    }

    /**
     * The answer.
     *
     * @param request the request answered: its tools bound text recovery, its {@code max_tokens} tells a cut answer
     * @param recoverTextToolCalls whether to read tool calls written as text ({@link ToolCallRecovery})
     */
    ChatCompletion build(ChatRequest request, boolean recoverTextToolCalls) {
        thinkTags.finish();
        List<String> notes = new ArrayList<>();
        List<ToolCall> calls = toolCalls.finish(notes);
        String text = content.toString();
        ChatCompletion.TextToolCalls textToolCalls = ChatCompletion.TextToolCalls.NONE;
        if (calls.isEmpty() && recoverTextToolCalls) {
            ToolCallRecovery.Result recovery = ToolCallRecovery.recover(text, request.tools());
            if (recovery.note() != null) {
                notes.add(recovery.note());
            }
            textToolCalls = recovery.outcome();
            if (textToolCalls == ChatCompletion.TextToolCalls.RECOVERED) {
                calls = recovery.calls();
                text = null;
            }
        }
        if (!calls.isEmpty() && text != null && text.isBlank()) {
            text = null;
        }
        String finish = finishReason;
        if (cutByMaxTokens(request)) {
            notes.add("The answer used all " + request.maxTokens() + " max_tokens although the server said finish_reason "
                    + (finishReason == null ? "null" : "'" + finishReason + "'")
                    + ": it is treated as cut ('length'), and its tool call arguments may be incomplete");
            finish = "length";
        }
        return new ChatCompletion(text, reasoning.isEmpty() ? null : reasoning.toString(), calls, finish, usage, notes,
                textToolCalls);
    }

    private boolean cutByMaxTokens(ChatRequest request) {
        return request.maxTokens() != null && usage != null && usage.completionTokens() >= request.maxTokens()
                && !"length".equals(finishReason);
    }

    private void part(JsonObject part) {
        String reasoningText = string(part, "reasoning_content");
        if (reasoningText == null) {
            reasoningText = string(part, "reasoning");
        }
        if (reasoningText != null) {
            onReasoning(reasoningText);
        }
        String text = string(part, "content");
        if (text != null) {
            thinkTags.accept(text);
        }
        JsonElement calls = part.get("tool_calls");
        if (calls != null && calls.isJsonArray()) {
            calls.getAsJsonArray().forEach(toolCalls::accept);
        }
    }

    private void onContent(String text) {
        content.append(text);
        listener.onContent(text);
    }

    private void onReasoning(String text) {
        if (!text.isEmpty()) {
            reasoning.append(text);
            listener.onReasoning(text);
        }
    }

    private void readFinishReason(JsonObject choice) {
        String reason = string(choice, "finish_reason");
        if (reason != null && !reason.isEmpty()) {
            finishReason = reason;
        }
    }

    private void readUsage(JsonElement value) {
        if (value == null || !value.isJsonObject()) {
            return;
        }
        JsonObject json = value.getAsJsonObject();
        Integer prompt = integer(json, "prompt_tokens");
        Integer completion = integer(json, "completion_tokens");
        if (prompt == null || completion == null) {
            return;
        }
        Integer total = integer(json, "total_tokens");
        usage = new Usage(prompt, completion, total == null ? prompt + completion : total);
    }

    private static JsonObject firstChoice(JsonObject json) {
        JsonElement choices = json.get("choices");
        if (choices == null || !choices.isJsonArray()) {
            return null;
        }
        JsonArray array = choices.getAsJsonArray();
        for (JsonElement choice : array) {
            if (choice.isJsonObject()) {
                Integer index = integer(choice.getAsJsonObject(), "index");
                if (index == null || index == 0) {
                    return choice.getAsJsonObject();
                }
            }
        }
        return null;
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static Integer integer(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsInt() : null;
    }
}
