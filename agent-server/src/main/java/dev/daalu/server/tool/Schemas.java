package dev.daalu.server.tool;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Builds the JSON Schemas of tool arguments, so each tool states its schema in a few readable lines:
 * {@code Schemas.object().string("path", "File path relative to the workspace root").required("path").build()}.
 */
public final class Schemas {

    private final JsonObject properties = new JsonObject();
    private final JsonArray required = new JsonArray();

    private Schemas() {
    }

    public static Schemas object() {
        return new Schemas();
    }

    public Schemas string(String name, String description) {
        return property(name, "string", description);
    }

    public Schemas integer(String name, String description, int minimum, int maximum) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "integer");
        p.addProperty("description", description);
        p.addProperty("minimum", minimum);
        p.addProperty("maximum", maximum);
        properties.add(name, p);
        return this;
    }

    public Schemas bool(String name, String description) {
        return property(name, "boolean", description);
    }

    public Schemas stringList(String name, String description) {
        JsonObject items = new JsonObject();
        items.addProperty("type", "string");
        JsonObject p = new JsonObject();
        p.addProperty("type", "array");
        p.add("items", items);
        p.addProperty("description", description);
        properties.add(name, p);
        return this;
    }

    public Schemas required(String... names) {
        for (String name : names) {
            if (!properties.has(name)) {
                throw new IllegalArgumentException("required property " + name + " is not declared");
            }
            required.add(name);
        }
        return this;
    }

    public JsonObject build() {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "object");
        schema.add("properties", properties.deepCopy());
        schema.add("required", required.deepCopy());
        return schema;
    }

    private Schemas property(String name, String type, String description) {
        JsonObject p = new JsonObject();
        p.addProperty("type", type);
        p.addProperty("description", description);
        properties.add(name, p);
        return this;
    }
}
