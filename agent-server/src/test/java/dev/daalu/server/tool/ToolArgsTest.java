package dev.daalu.server.tool;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolArgsTest {

    @Test
    void invalidJsonSaysSoAndThatNothingRan() {
        ToolException e = assertThrows(ToolException.class, () -> ToolArgs.parse("read_file", "{\"path\": \"src/Main.java\""));

        assertTrue(e.getMessage().startsWith("The arguments of read_file are not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was run."), e.getMessage());
    }

    @Test
    void refusesNonObjectsAndTrailingGarbage() {
        assertThrows(ToolException.class, () -> ToolArgs.parse("read_file", "[\"src\"]"));
        assertThrows(ToolException.class, () -> ToolArgs.parse("read_file", "{\"path\":\"a\"} {\"path\":\"b\"}"));
    }

    @Test
    void readsTypedValuesAndExplainsMistypedOnes() throws ToolException {
        ToolArgs args = ToolArgs.parse("t", "{\"n\":\"10\",\"b\":\"true\",\"s\":\"x\",\"list\":[\"a\",\"b\"],\"one\":\"c\",\"bad\":3.5}");

        assertEquals(10, args.optionalInt("n", 0, 0, 100));
        assertEquals(true, args.optionalBoolean("b", false));
        assertEquals(List.of("a", "b"), args.optionalStrings("list"));
        assertEquals(List.of("c"), args.optionalStrings("one"));
        assertEquals(7, args.optionalInt("absent", 7, 0, 100));
        assertEquals("Argument 'bad' must be an integer, got 3.5.",
                assertThrows(ToolException.class, () -> args.optionalInt("bad", 0, 0, 10)).getMessage());
        assertEquals("Argument 'n' must be between 0 and 5, got 10.",
                assertThrows(ToolException.class, () -> args.optionalInt("n", 0, 0, 5)).getMessage());
        assertEquals("Argument 'list' must be a string, got a list.",
                assertThrows(ToolException.class, () -> args.optionalString("list")).getMessage());
        assertEquals("Argument 'path' is required (the file).",
                assertThrows(ToolException.class, () -> args.requiredString("path", "the file")).getMessage());
    }

    @Test
    void emptyArgumentsAreAnEmptyObject() throws ToolException {
        assertEquals(false, ToolArgs.parse("list_dir", "").has("path"));
    }
}
