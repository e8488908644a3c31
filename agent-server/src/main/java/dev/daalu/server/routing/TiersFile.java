package dev.daalu.server.routing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the inference tiers file: {@code $DAALU_TIERS_FILE}, else {@code $XDG_CONFIG_HOME/daalu/tiers.json}
 * ({@code ~/.config/daalu/tiers.json}). A missing file means no tiers; a malformed one is an error naming the
 * file and the field, never a silent default.
 *
 * <pre>{@code
 * {"tiers": [{"id": "team-gpu", "kind": "own-gpu", "baseUrl": "http://10.0.0.5:8000/v1", "online": true,
 *             "gpus": [{"name": "L40S", "memoryGb": 48}], "apiKey": "optional"}]}
 * }</pre>
 */
public final class TiersFile {

    public static final String ENV_PATH = "DAALU_TIERS_FILE";

    private TiersFile() {
    }

    /** Where the tiers file is looked for, given the environment. */
    public static Path location(Map<String, String> env) {
        String explicit = env.get(ENV_PATH);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(env.getOrDefault("HOME", "."), ".config");
        return base.resolve("daalu").resolve("tiers.json");
    }

    /**
     * @return the tiers, or an empty list when the file does not exist
     * @throws IOException when it cannot be read or is malformed, with the file and field in the message
     */
    public static List<Tier> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        try {
            return parse(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Tier> parse(JsonElement root) {
        if (!root.isJsonObject() || !root.getAsJsonObject().has("tiers") || !root.getAsJsonObject().get("tiers").isJsonArray()) {
            throw new IllegalArgumentException("expected an object with a \"tiers\" array");
        }
        List<Tier> tiers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonArray array = root.getAsJsonObject().getAsJsonArray("tiers");
        for (int i = 0; i < array.size(); i++) {
            String where = "tiers[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            JsonObject t = array.get(i).getAsJsonObject();
            String id = string(t, "id", where);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + ".id '" + id + "' is used twice");
            }
            TierKind kind = TierKind.parse(string(t, "kind", where));
            URI baseUrl = baseUrl(string(t, "baseUrl", where), where + ".baseUrl");
            boolean online = !t.has("online") || bool(t, "online", where);
            List<Tier.Gpu> gpus = new ArrayList<>();
            if (t.has("gpus")) {
                if (!t.get("gpus").isJsonArray()) {
                    throw new IllegalArgumentException(where + ".gpus must be a list");
                }
                JsonArray list = t.getAsJsonArray("gpus");
                for (int g = 0; g < list.size(); g++) {
                    String gpuWhere = where + ".gpus[" + g + "]";
                    if (!list.get(g).isJsonObject()) {
                        throw new IllegalArgumentException(gpuWhere + " must be an object");
                    }
                    JsonObject gpu = list.get(g).getAsJsonObject();
                    int memory = integer(gpu, "memoryGb", gpuWhere);
                    if (memory <= 0 || memory > 4096) {
                        throw new IllegalArgumentException(gpuWhere + ".memoryGb must be between 1 and 4096");
                    }
                    gpus.add(new Tier.Gpu(gpu.has("name") ? string(gpu, "name", gpuWhere) : "gpu" + g, memory));
                }
            }
            String apiKey = t.has("apiKey") && !t.get("apiKey").isJsonNull() ? string(t, "apiKey", where) : null;
            tiers.add(new Tier(id, kind, baseUrl, online, gpus, apiKey));
        }
        return tiers;
    }

    /** Checks a base URL: absolute http(s) with a host, no user info, no query. */
    public static URI baseUrl(String text, String where) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + " '" + text + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(where + " '" + text + "' has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(where + " must not hold credentials; put the key in apiKey");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(where + " '" + text + "' must not have a query or fragment");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static String string(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required and must be a non-empty string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(where + "." + field + " must be true or false");
        }
        return e.getAsBoolean();
    }

    private static int integer(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new IllegalArgumentException(where + "." + field + " is required and must be a whole number");
        }
        return e.getAsInt();
    }
}
