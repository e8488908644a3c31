package dev.daalu.server.rpc;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * Says which field of a request's params does not fit, when Gson's own message does not (reading a JSON tree, it
 * reports {@code For input string: "many"} without the field's name).
 */
final class ParamsProblem {

    private ParamsProblem() {
    }

    /**
     * @param message the whole message as parsed JSON
     * @param fallback what to say when no single field can be blamed
     * @return e.g. {@code 'maxResults' must be Integer, not "many"}
     */
    static String explain(MessageJsonHandler json, String method, JsonObject message, String fallback) {
        JsonRpcMethod rpcMethod = json.getJsonRpcMethod(method);
        JsonElement params = message.get("params");
        if (rpcMethod == null || rpcMethod.getParameterTypes().length != 1 || params == null || !params.isJsonObject()) {
            return fallback;
        }
        Type type = rpcMethod.getParameterTypes()[0];
        if (!(type instanceof Class<?> recordType) || !recordType.isRecord()) {
            return fallback;
        }
        Gson gson = json.getGson();
        for (RecordComponent component : recordType.getRecordComponents()) {
            JsonElement value = params.getAsJsonObject().get(component.getName());
            if (value == null || value.isJsonNull()) {
                continue;
            }
            try {
                gson.fromJson(value, component.getGenericType());
            } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
                String shown = value.toString();
                return "'" + component.getName() + "' must be " + describe(component.getGenericType()) + ", not "
                        + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown);
            }
        }
        return fallback;
    }

    private static String describe(Type type) {
        if (type instanceof Class<?> c) {
            if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
                return "an integer";
            }
            if (c == Boolean.class || c == boolean.class) {
                return "true or false";
            }
            if (c == String.class) {
                return "a string";
            }
            if (c.isRecord()) {
                return "an object";
            }
        }
        return type.getTypeName().contains("List") ? "an array" : "a " + type.getTypeName();
    }
}
