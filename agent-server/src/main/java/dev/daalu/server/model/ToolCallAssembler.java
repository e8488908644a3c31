package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles tool calls from the {@code tool_calls} entries of streamed deltas (or of a whole message).
 *
 * <p>An entry belongs to a call chosen by, in order:
 * <ol>
 *   <li>a non-empty {@code id} already seen: that call;</li>
 *   <li>a non-empty new {@code id}: the call at the entry's {@code index} if that call has no id yet,
 *       otherwise a new call (Ollama streams parallel calls all at index 0 with distinct ids);</li>
 *   <li>no id, an {@code index}: the latest call at that index, or a new one (SGLang sends no id for later
 *       calls);</li>
 *   <li>no id, no index: the open (latest) call, or a new one (Ollama sends no index).</li>
 * </ol>
 * A call that already has a name and arguments starts over as a new call when an id-less entry brings a
 * name again; an empty {@code name} or {@code id} never overwrites or extends a value, and names are never
 * concatenated. Argument fragments are concatenated as text and not parsed until {@link #finish}.
 *
 * <p>Not thread-safe: one assembler per answer.
 */
final class ToolCallAssembler {

    private final List<Pending> calls = new ArrayList<>();

    /** Adds one entry of a {@code tool_calls} array. Entries that are not objects are ignored. */
    void accept(JsonElement entry) {
        if (entry == null || !entry.isJsonObject()) {
            return;
        }
        JsonObject json = entry.getAsJsonObject();
        String id = nonEmptyString(json.get("id"));
        Integer index = integer(json.get("index"));
        JsonObject function = json.has("function") && json.get("function").isJsonObject()
                ? json.getAsJsonObject("function") : new JsonObject();
        String name = nonEmptyString(function.get("name"));

        Pending call = target(id, index, name);
        if (call.id == null) {
            call.id = id;
        }
        if (call.name == null) {
            call.name = name;
        }
        appendArguments(call, function.get("arguments"));
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * The assembled calls, in order. Calls without an id get a generated {@code gen-...} id; arguments that
     * are a JSON string holding a JSON object are decoded once; calls that never got a name are dropped.
     *
     * @param notes receives a line for each call decoded or dropped
     */
    List<ToolCall> finish(List<String> notes) {
        List<ToolCall> result = new ArrayList<>();
        for (Pending call : calls) {
            if (call.name == null) {
                notes.add("Dropped a streamed tool call that never got a name (arguments: "
                        + abbreviate(call.arguments.toString()) + ")");
                continue;
            }
            String arguments = call.arguments.toString();
            String decoded = decodeOnce(arguments);
            if (decoded != null) {
                notes.add("Decoded the double-encoded arguments of " + call.name + " (a JSON string holding JSON)");
                arguments = decoded;
            }
            result.add(new ToolCall(Objects.requireNonNullElseGet(call.id, ToolCall::generateId), call.name, arguments));
        }
        return result;
    }

    private Pending target(String id, Integer index, String name) {
        if (id != null) {
            for (Pending call : calls) {
                if (id.equals(call.id)) {
                    return call;
                }
            }
            Pending atIndex = index == null ? null : latestAt(index);
            if (atIndex != null && atIndex.id == null) {
                return atIndex;
            }
            return start(index);
        }
        Pending open = index == null ? latest() : latestAt(index);
        if (open == null || (name != null && open.name != null && startsAnother(open, name))) {
            return start(index);
        }
        return open;
    }

    /** An id-less header for a call that is already named: a repeat of the same header, or the next call. */
    private static boolean startsAnother(Pending open, String name) {
        return !name.equals(open.name) || !open.arguments.isEmpty();
    }

    private Pending start(Integer index) {
        Pending call = new Pending(index);
        calls.add(call);
        return call;
    }

    private Pending latest() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    private Pending latestAt(int index) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            Pending call = calls.get(i);
            if (call.index != null && call.index == index) {
                return call;
            }
        }
        return null;
    }

    private static void appendArguments(Pending call, JsonElement arguments) {
        if (arguments == null || arguments.isJsonNull()) {
            return;
        }
        if (arguments.isJsonPrimitive() && arguments.getAsJsonPrimitive().isString()) {
            call.arguments.append(arguments.getAsString());
        } else {
            // Ollama's native API and some proxies send the arguments as an object
            call.arguments.append(arguments);
        }
    }

    /** The inner JSON object text when {@code arguments} is a JSON string holding one, else null. */
    private static String decodeOnce(String arguments) {
        JsonElement outer = StrictJson.parse(arguments).orElse(null);
        if (outer == null || !outer.isJsonPrimitive() || !outer.getAsJsonPrimitive().isString()) {
            return null;
        }
        String inner = outer.getAsString();
        return StrictJson.parse(inner).filter(JsonElement::isJsonObject).isPresent() ? inner : null;
    }

    private static String nonEmptyString(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        String text = value.getAsString();
        return text.isEmpty() ? null : text;
    }

    private static Integer integer(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        return value.getAsInt();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static final class Pending {
        final Integer index;
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();

        Pending(Integer index) {
            this.index = index;
        }
    }
}
