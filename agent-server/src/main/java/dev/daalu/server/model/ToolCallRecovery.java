package dev.daalu.server.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tool calls that the model wrote into its content because the server did not parse them (no tool
 * parser, the wrong one, or a form the parser does not know).
 *
 * <p>Recognised, when the <em>whole</em> trimmed content is the call or calls:
 * <ul>
 *   <li>Hermes tags, one or several: {@code <tool_call>{"name": ..., "arguments": ...}</tool_call>}, also
 *       holding a JSON array of calls, and the same inside {@code <tools>...</tools>};</li>
 *   <li>Qwen3-Coder XML {@code <function=name><parameter=p>value</parameter></function>}, bare or inside
 *       {@code <tool_call>}; values are typed from the tool's JSON Schema;</li>
 *   <li>one fenced block, labelled {@code json} or unlabelled, holding a call or an array of calls;</li>
 *   <li>a bare JSON call {@code {"name": ..., "arguments": ...}} or an array of them.</li>
 * </ul>
 * {@code arguments} may be an object or a string. Only tools offered in the request are accepted.
 *
 * <p>Text around the call (prose, a code block inside an explanation) leaves the content as text. Tags
 * that cannot be read (JSON that does not parse, an unknown tool, no closing tag) make the outcome
 * {@link ChatCompletion.TextToolCalls#MALFORMED}, with a note saying why, so the agent can tell the model.
 * JSON without tags that is not a call of an offered tool is just text.
 *
 * <p>Stateless and thread-safe. Applied once, to the fully accumulated content, never to single deltas.
 */
final class ToolCallRecovery {

    private static final Pattern FENCE = Pattern.compile("```([\\w+.-]*)[ \\t]*\\r?\\n(.*?)\\r?\\n?```", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("<function=([^>\\s]+)>(.*?)</function>", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("<parameter=([^>\\s]+)>(.*?)</parameter>", Pattern.DOTALL);

    private ToolCallRecovery() {
    }

    /**
     * What the content is.
     *
     * @param calls the recovered calls, empty unless {@code outcome} is RECOVERED
     * @param outcome whether the content was read as calls
     * @param note a line for the log (and, when MALFORMED, for the model); null when there is nothing to say
     */
    record Result(List<ToolCall> calls, ChatCompletion.TextToolCalls outcome, String note) {

        static final Result TEXT = new Result(List.of(), ChatCompletion.TextToolCalls.NONE, null);

        static Result text(String note) {
            return new Result(List.of(), ChatCompletion.TextToolCalls.NONE, note);
        }

        static Result malformed(String form, String problem) {
            return new Result(List.of(), ChatCompletion.TextToolCalls.MALFORMED, "The answer looks like a tool call in "
                    + form + " but it cannot be read: " + problem + ". It was left as text.");
        }

        static Result recovered(String form, List<ToolCall> calls) {
            List<String> names = calls.stream().map(ToolCall::name).toList();
            String what = calls.size() == 1 ? "1 tool call" : calls.size() + " tool calls";
            return new Result(calls, ChatCompletion.TextToolCalls.RECOVERED, "Read " + what + " " + names
                    + " from " + form + " in the answer's text: the server did not parse it (check the server's tool"
                    + " call parser, e.g. vLLM's --enable-auto-tool-choice --tool-call-parser)");
        }
    }

    /** A reading of one piece of text: calls, or the problem that stops it. */
    private record Read(List<ToolCall> calls, String problem, boolean toolShaped) {
        static Read of(List<ToolCall> calls) {
            return new Read(calls, null, true);
        }

        static Read problem(String problem, boolean toolShaped) {
            return new Read(List.of(), problem, toolShaped);
        }
    }

    /** Reads {@code content} against the tools the request offered. */
    static Result recover(String content, List<ToolDefinition> tools) {
        if (content == null || tools.isEmpty()) {
            return Result.TEXT;
        }
        Map<String, ToolDefinition> offered = new LinkedHashMap<>();
        tools.forEach(tool -> offered.put(tool.name(), tool));
        String text = content.strip();
        if (text.startsWith("<tool_call>")) {
            return tagged(text, "tool_call", offered);
        }
        if (text.startsWith("<tools>")) {
            return tagged(text, "tools", offered);
        }
        if (text.startsWith("<function=")) {
            return fromTags("Qwen3-Coder <function=...> XML", readFunctions(text, offered));
        }
        if (text.startsWith("```")) {
            return fenced(text, offered);
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return fromJsonText("bare JSON", text, offered);
        }
        return Result.TEXT;
    }

    private static Result tagged(String text, String tag, Map<String, ToolDefinition> offered) {
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        String form = open + " tags";
        List<ToolCall> calls = new ArrayList<>();
        String rest = text;
        while (rest.startsWith(open)) {
            int end = rest.indexOf(close);
            if (end < 0) {
                return Result.malformed(form, "the " + open + " block is not closed with " + close);
            }
            String inner = rest.substring(open.length(), end).strip();
            Read read = inner.startsWith("<function=") ? readFunctions(inner, offered) : readJson(inner, offered);
            if (read.problem() != null) {
                return Result.malformed(form, read.problem());
            }
            calls.addAll(read.calls());
            rest = rest.substring(end + close.length()).stripLeading();
        }
        if (!rest.isEmpty()) {
            return Result.text("Left as text: the answer has " + form + " followed by other text");
        }
        return Result.recovered(form, calls);
    }

    private static Result fromTags(String form, Read read) {
        return read.problem() != null ? Result.malformed(form, read.problem()) : Result.recovered(form, read.calls());
    }

    private static Result fenced(String text, Map<String, ToolDefinition> offered) {
        Matcher fence = FENCE.matcher(text);
        if (!fence.matches() || fence.group(2).contains("```")) {
            return Result.TEXT;
        }
        String label = fence.group(1).toLowerCase(Locale.ROOT);
        if (!label.isEmpty() && !label.equals("json")) {
            return Result.TEXT;
        }
        return fromJsonText("a ```json block", fence.group(2).strip(), offered);
    }

    /** JSON without tags is a call only when it is certainly one; anything else is the model's text. */
    private static Result fromJsonText(String form, String text, Map<String, ToolDefinition> offered) {
        Read read = readJson(text, offered);
        if (read.problem() == null) {
            return Result.recovered(form, read.calls());
        }
        return read.toolShaped() ? Result.text("Left as text: " + form + " that " + read.problem()) : Result.TEXT;
    }

    private static Read readJson(String text, Map<String, ToolDefinition> offered) {
        StrictJson.Parsed parsed = StrictJson.parseOrError(text);
        if (!parsed.ok()) {
            return Read.problem("its JSON does not parse (" + parsed.error() + ")", false);
        }
        JsonElement value = parsed.value();
        List<JsonElement> items = new ArrayList<>();
        if (value.isJsonArray() && !value.getAsJsonArray().isEmpty()) {
            value.getAsJsonArray().forEach(items::add);
        } else {
            items.add(value);
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonElement item : items) {
            Read one = readJsonCall(item, offered);
            if (one.problem() != null) {
                return one;
            }
            calls.addAll(one.calls());
        }
        return Read.of(calls);
    }

    private static Read readJsonCall(JsonElement item, Map<String, ToolDefinition> offered) {
        if (!item.isJsonObject()) {
            return Read.problem("it is not a JSON object with \"name\" and \"arguments\"", false);
        }
        JsonObject object = item.getAsJsonObject();
        JsonElement name = object.get("name");
        JsonElement arguments = object.get("arguments");
        boolean namedString = name != null && name.isJsonPrimitive() && name.getAsJsonPrimitive().isString();
        boolean argumentsOk = arguments != null && (arguments.isJsonObject()
                || (arguments.isJsonPrimitive() && arguments.getAsJsonPrimitive().isString()));
        if (!namedString || !argumentsOk) {
            return Read.problem("it is not an object with a string \"name\" and object or string \"arguments\"", false);
        }
        String tool = name.getAsString();
        if (!offered.containsKey(tool)) {
            return Read.problem(unknownTool(tool, offered), true);
        }
        String text = arguments.isJsonObject() ? arguments.toString() : arguments.getAsString();
        return Read.of(List.of(new ToolCall(ToolCall.generateId(), tool, text)));
    }

    private static Read readFunctions(String text, Map<String, ToolDefinition> offered) {
        List<ToolCall> calls = new ArrayList<>();
        Matcher function = FUNCTION.matcher(text);
        int position = 0;
        while (position < text.length()) {
            if (!function.find(position) || !text.substring(position, function.start()).isBlank()) {
                return Read.problem("a <function=...> block is not closed with </function>, or text stands between"
                        + " blocks", true);
            }
            String tool = function.group(1);
            if (!offered.containsKey(tool)) {
                return Read.problem(unknownTool(tool, offered), true);
            }
            Read parameters = readParameters(tool, function.group(2), offered.get(tool));
            if (parameters.problem() != null) {
                return parameters;
            }
            calls.addAll(parameters.calls());
            position = skipWhitespace(text, function.end());
        }
        return Read.of(calls);
    }

    private static Read readParameters(String tool, String body, ToolDefinition definition) {
        JsonObject arguments = new JsonObject();
        Matcher parameter = PARAMETER.matcher(body);
        int position = 0;
        while (parameter.find()) {
            if (!body.substring(position, parameter.start()).isBlank()) {
                return Read.problem("text outside <parameter=...> blocks in the call of " + tool, true);
            }
            String name = parameter.group(1);
            arguments.add(name, typed(unwrapValue(parameter.group(2)), schemaType(definition, name)));
            position = parameter.end();
        }
        if (!body.substring(position).isBlank()) {
            return Read.problem("a <parameter=...> of " + tool + " is not closed with </parameter>", true);
        }
        return Read.of(List.of(new ToolCall(ToolCall.generateId(), tool, arguments.toString())));
    }

    /** Qwen3-Coder puts each value on lines of its own: one newline after the tag and one before the close. */
    private static String unwrapValue(String raw) {
        String value = raw.startsWith("\n") ? raw.substring(1) : raw;
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    /** The value as the schema types it; a value that does not fit its type stays a string. */
    private static JsonElement typed(String value, String type) {
        String trimmed = value.strip();
        try {
            switch (type) {
                case "integer" -> {
                    return new JsonPrimitive(Long.parseLong(trimmed));
                }
                case "number" -> {
                    return new JsonPrimitive(new BigDecimal(trimmed));
                }
                case "boolean" -> {
                    if (trimmed.equals("true") || trimmed.equals("false")) {
                        return new JsonPrimitive(Boolean.parseBoolean(trimmed));
                    }
                }
                case "object", "array" -> {
                    JsonElement parsed = StrictJson.parse(trimmed).orElse(null);
                    if (parsed != null && (parsed.isJsonObject() || parsed.isJsonArray())) {
                        return parsed;
                    }
                }
                default -> {
                    // strings, and parameters the schema does not type
                }
            }
        } catch (NumberFormatException e) {
            // not a number after all: the tool's own validation reports it
        }
        return new JsonPrimitive(value);
    }

    private static String schemaType(ToolDefinition tool, String parameter) {
        JsonElement properties = tool.parameters().get("properties");
        if (properties == null || !properties.isJsonObject()) {
            return "string";
        }
        JsonElement schema = properties.getAsJsonObject().get(parameter);
        JsonElement type = schema != null && schema.isJsonObject() ? schema.getAsJsonObject().get("type") : null;
        if (type == null) {
            return "string";
        }
        if (type.isJsonArray()) {
            for (JsonElement option : type.getAsJsonArray()) {
                if (option.isJsonPrimitive() && !option.getAsString().equals("null")) {
                    return option.getAsString();
                }
            }
            return "string";
        }
        return type.isJsonPrimitive() ? type.getAsString() : "string";
    }

    private static String unknownTool(String tool, Map<String, ToolDefinition> offered) {
        return "it names the tool '" + tool + "', which is not offered (offered: " + String.join(", ", offered.keySet()) + ")";
    }

    private static int skipWhitespace(String text, int from) {
        int position = from;
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        return position;
    }
}
