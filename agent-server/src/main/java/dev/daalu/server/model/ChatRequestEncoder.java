package dev.daalu.server.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * Writes a {@link ChatRequest} in the OpenAI chat-completions wire format.
 *
 * <p>Replayed tool calls carry their arguments as a string. Arguments that are not a JSON object are
 * replayed as {@code "{}"}: vLLM and llama.cpp parse the arguments of every replayed call to render the
 * chat template and refuse the whole request when one does not parse, so the invalid text of a call the
 * agent refused (its tool result says why) would otherwise break every later turn.
 */
final class ChatRequestEncoder {

    private ChatRequestEncoder() {
    }

    /** The streaming request body: model, messages, tools with {@code tool_choice:"auto"}, usage requested. */
    static JsonObject encode(ChatRequest request) {
        JsonObject body = new JsonObject();
        body.addProperty("model", request.model());
        body.add("messages", messages(request.messages()));
        if (!request.tools().isEmpty()) {
            body.add("tools", tools(request.tools()));
            body.addProperty("tool_choice", "auto");
        }
        body.addProperty("stream", true);
        JsonObject streamOptions = new JsonObject();
        streamOptions.addProperty("include_usage", true);
        body.add("stream_options", streamOptions);
        if (request.maxTokens() != null) {
            body.addProperty("max_tokens", request.maxTokens());
        }
        if (request.temperature() != null) {
            body.addProperty("temperature", request.temperature());
        }
        return body;
    }

    static JsonArray messages(List<ChatMessage> messages) {
        JsonArray array = new JsonArray();
        for (ChatMessage message : messages) {
            array.add(message(message));
        }
        return array;
    }

    static JsonArray tools(List<ToolDefinition> tools) {
        JsonArray array = new JsonArray();
        for (ToolDefinition tool : tools) {
            JsonObject function = new JsonObject();
            function.addProperty("name", tool.name());
            function.addProperty("description", tool.description());
            function.add("parameters", tool.parameters());
            JsonObject entry = new JsonObject();
            entry.addProperty("type", "function");
            entry.add("function", function);
            array.add(entry);
        }
        return array;
    }

    private static JsonObject message(ChatMessage message) {
        JsonObject json = new JsonObject();
        json.addProperty("role", message.role().wire());
        if (message.content() != null) {
            json.addProperty("content", message.content());
        } else if (message.role() == ChatMessage.Role.ASSISTANT) {
            json.add("content", JsonNull.INSTANCE);
        } else {
            json.addProperty("content", "");
        }
        if (!message.toolCalls().isEmpty()) {
            JsonArray calls = new JsonArray();
            for (ToolCall call : message.toolCalls()) {
                calls.add(toolCall(call));
            }
            json.add("tool_calls", calls);
        }
        if (message.toolCallId() != null) {
            json.addProperty("tool_call_id", message.toolCallId());
        }
        return json;
    }

    private static JsonObject toolCall(ToolCall call) {
        JsonObject function = new JsonObject();
        function.addProperty("name", call.name());
        boolean replayable = !call.arguments().isBlank() && call.argumentsObject().isPresent();
        function.addProperty("arguments", replayable ? call.arguments() : "{}");
        JsonObject json = new JsonObject();
        json.addProperty("id", call.id());
        json.addProperty("type", "function");
        json.add("function", function);
        return json;
    }
}
