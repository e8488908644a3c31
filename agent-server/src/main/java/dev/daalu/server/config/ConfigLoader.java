package dev.daalu.server.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daalu.server.routing.TiersFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a workspace's {@link DaaluConfig} from, lowest precedence first: the user's config file
 * ({@code $XDG_CONFIG_HOME/daalu/config.json}), the workspace's {@code .daalu/config.json}, environment variables
 * ({@code DAALU_MODEL_ENDPOINT}, {@code DAALU_MODEL}, {@code DAALU_API_KEY}, {@code DAALU_CONTEXT_WINDOW},
 * {@code DAALU_MAX_STEPS}), then command-line flags.
 *
 * <p>File format: {@code {"model": {"endpoint", "name", "apiKey", "contextWindow"}, "agent": {"maxSteps",
 * "approvalTimeoutMinutes", "commandTimeoutSeconds"}}}. The workspace file is part of the repository, so it may
 * choose the model and agent settings but not credentials, and its endpoint is only a request (see
 * {@link DaaluConfig#workspaceEndpoint()}). There is no default endpoint.
 */
public final class ConfigLoader {

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /** Flags from the command line; null fields are not set. */
    public record Overrides(String endpoint, String model, String apiKey, Integer maxSteps) {
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    public DaaluConfig load(Path workspaceRoot, Overrides flags) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        Values values = new Values();
        Path userFile = configHome().resolve("daalu").resolve("config.json");
        apply(values, read(userFile), userFile.toString(), true, warnings);
        if (workspaceRoot != null) {
            Path workspaceFile = workspaceRoot.resolve(".daalu").resolve("config.json");
            apply(values, read(workspaceFile), workspaceFile.toString(), false, warnings);
        }
        values.endpoint = pick(env.get("DAALU_MODEL_ENDPOINT"), values.endpoint);
        values.model = pick(env.get("DAALU_MODEL"), values.model);
        values.apiKey = pick(env.get("DAALU_API_KEY"), values.apiKey);
        if (env.containsKey("DAALU_CONTEXT_WINDOW")) {
            values.contextWindow = number(env.get("DAALU_CONTEXT_WINDOW"), "DAALU_CONTEXT_WINDOW", 2048, 1_048_576);
        }
        if (env.containsKey("DAALU_MAX_STEPS")) {
            values.maxSteps = number(env.get("DAALU_MAX_STEPS"), "DAALU_MAX_STEPS", 1, 1000);
        }
        values.endpoint = pick(flags.endpoint(), values.endpoint);
        values.model = pick(flags.model(), values.model);
        values.apiKey = pick(flags.apiKey(), values.apiKey);
        if (flags.maxSteps() != null) {
            values.maxSteps = checkRange(flags.maxSteps(), "--max-steps", 1, 1000);
        }
        if (values.endpoint != null) {
            try {
                values.endpoint = TiersFile.baseUrl(values.endpoint, "model endpoint").toString();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return new DaaluConfig(values.endpoint, values.workspaceEndpoint, values.model, values.apiKey, values.contextWindow,
                values.maxSteps, values.approvalTimeoutMinutes, values.commandTimeoutSeconds, TiersFile.location(env),
                stateHome().resolve("daalu"), warnings);
    }

    /** {@code $XDG_CONFIG_HOME}, or {@code ~/.config}. */
    public Path configHome() {
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_STATE_HOME}, or {@code ~/.local/state}. */
    public Path stateHome() {
        return xdg("XDG_STATE_HOME", ".local/state");
    }

    private Path xdg(String variable, String fallback) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            return Path.of(value);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))).resolve(fallback);
    }

    private static JsonObject read(Path file) throws ConfigException {
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new ConfigException(file + ": expected a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getMessage());
        }
    }

    private static void apply(Values values, JsonObject file, String source, boolean trusted, List<String> warnings)
            throws ConfigException {
        JsonObject model = section(file, "model", source);
        JsonObject agent = section(file, "agent", source);
        warnUnknown(file, "", Set.of("model", "agent"), source, warnings);
        warnUnknown(model, "model.", Set.of("endpoint", "name", "apiKey", "contextWindow"), source, warnings);
        warnUnknown(agent, "agent.", Set.of("maxSteps", "approvalTimeoutMinutes", "commandTimeoutSeconds"), source, warnings);
        String endpoint = string(model, "endpoint", source);
        if (trusted) {
            values.endpoint = pick(endpoint, values.endpoint);
            values.apiKey = pick(string(model, "apiKey", source), values.apiKey);
        } else {
            values.workspaceEndpoint = endpoint;
            if (model.has("apiKey")) {
                warnings.add("ignored model.apiKey in " + source + ": credentials belong in your own configuration, not in the repository");
            }
        }
        values.model = pick(string(model, "name", source), values.model);
        if (model.has("contextWindow")) {
            values.contextWindow = integer(model, "contextWindow", source, 2048, 1_048_576);
        }
        if (agent.has("maxSteps")) {
            values.maxSteps = integer(agent, "maxSteps", source, 1, 1000);
        }
        if (agent.has("approvalTimeoutMinutes")) {
            values.approvalTimeoutMinutes = integer(agent, "approvalTimeoutMinutes", source, 1, 24 * 60);
        }
        if (agent.has("commandTimeoutSeconds")) {
            values.commandTimeoutSeconds = integer(agent, "commandTimeoutSeconds", source, 1, 3600);
        }
    }

    // a mistyped key ("endpiont") would otherwise be ignored without a word
    private static void warnUnknown(JsonObject object, String prefix, Set<String> known, String source, List<String> warnings) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                warnings.add("ignored the unknown setting " + prefix + key + " in " + source + " (known: "
                        + String.join(", ", known.stream().sorted().map(k -> prefix + k).toList()) + ")");
            }
        }
    }

    private static JsonObject section(JsonObject file, String name, String source) throws ConfigException {
        JsonElement e = file.get(name);
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw new ConfigException(source + ": \"" + name + "\" must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String field, String source) throws ConfigException {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ConfigException(source + ": " + field + " must be a string");
        }
        return e.getAsString().isBlank() ? null : e.getAsString().strip();
    }

    private static int integer(JsonObject o, String field, String source, int min, int max) throws ConfigException {
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new ConfigException(source + ": " + field + " must be a whole number");
        }
        return checkRange(e.getAsInt(), source + ": " + field, min, max);
    }

    private static int number(String text, String name, int min, int max) throws ConfigException {
        try {
            return checkRange(Integer.parseInt(text.strip()), name, min, max);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + text + "'");
        }
    }

    private static int checkRange(int value, String name, int min, int max) throws ConfigException {
        if (value < min || value > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.strip() : fallback;
    }

    private static final class Values {
        String endpoint;
        String workspaceEndpoint;
        String model;
        String apiKey;
        Integer contextWindow;
        int maxSteps = 25;
        int approvalTimeoutMinutes = 30;
        int commandTimeoutSeconds = 120;
    }
}
