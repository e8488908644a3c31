package dev.daalu.server.tool;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolRegistryTest {

    private final ToolRegistry registry = ToolRegistry.builtin();

    @Test
    void offersTheToolsByTheirFixedNames() {
        assertEquals(List.of("read_file", "list_dir", "search_files", "repo_map", "edit_file", "write_file", "run_command"),
                registry.names());
        assertEquals(List.of("edit_file", "write_file", "run_command"), registry.approvalNames());
    }

    @Test
    void everySchemaIsAnObjectWhoseRequiredPropertiesAreDeclaredAndDescribed() {
        for (Tool tool : registry.all()) {
            JsonObject schema = tool.spec().parameters();
            assertEquals("object", schema.get("type").getAsString(), tool.spec().name());
            JsonObject properties = schema.getAsJsonObject("properties");
            for (JsonElement required : schema.getAsJsonArray("required")) {
                assertTrue(properties.has(required.getAsString()), tool.spec().name() + " requires " + required);
            }
            for (String name : properties.keySet()) {
                JsonObject property = properties.getAsJsonObject(name);
                assertTrue(property.has("type") && property.has("description"), tool.spec().name() + "." + name);
            }
            assertTrue(tool.spec().description().length() <= ToolSpec.MAX_DESCRIPTION_CHARS);
        }
    }

    @Test
    void readOnlyToolsAreExactlyTheExploringOnes() {
        for (Tool tool : registry.all()) {
            boolean exploring = List.of("read_file", "list_dir", "search_files", "repo_map").contains(tool.spec().name());
            assertEquals(exploring, tool.spec().effect() == Effect.READ, tool.spec().name());
        }
    }
}
