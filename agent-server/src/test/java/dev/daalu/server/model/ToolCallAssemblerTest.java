package dev.daalu.server.model;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCallAssemblerTest {

    private final ToolCallAssembler assembler = new ToolCallAssembler();
    private final List<String> notes = new ArrayList<>();

    @Test
    void idLessHeadersWithoutIndexStartANewCallOnceTheOpenOneHasArguments() {
        feed("{\"function\":{\"name\":\"write_file\",\"arguments\":\"{\\\"path\\\":\\\"a\\\"}\"}}",
                "{\"function\":{\"name\":\"write_file\",\"arguments\":\"{\\\"path\\\":\\\"b\\\"}\"}}");

        List<ToolCall> calls = assembler.finish(notes);

        assertEquals(2, calls.size());
        assertCall("write_file", "{\"path\":\"a\"}", calls.get(0));
        assertCall("write_file", "{\"path\":\"b\"}", calls.get(1));
        assertNotEquals(calls.get(0).id(), calls.get(1).id());
    }

    @Test
    void repeatedHeaderBeforeAnyArgumentsIsTheSameCall() {
        feed("{\"index\":0,\"function\":{\"name\":\"read_file\"}}",
                "{\"index\":0,\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\"}}",
                "{\"index\":0,\"function\":{\"arguments\":\"\\\"x\\\"}\"}}");

        List<ToolCall> calls = assembler.finish(notes);

        assertEquals(1, calls.size());
        assertCall("read_file", "{\"path\":\"x\"}", calls.get(0));
    }

    @Test
    void idArrivingAfterTheHeaderAtTheSameIndexJoinsThatCall() {
        feed("{\"index\":0,\"function\":{\"name\":\"read_file\"}}",
                "{\"index\":0,\"id\":\"late-id\",\"function\":{\"arguments\":\"{}\"}}");

        List<ToolCall> calls = assembler.finish(notes);

        assertEquals(1, calls.size());
        assertEquals("late-id", calls.get(0).id());
    }

    @Test
    void callThatNeverGotANameIsDroppedWithANote() {
        feed("{\"index\":0,\"id\":\"a\",\"function\":{\"arguments\":\"{}\"}}");

        assertTrue(assembler.finish(notes).isEmpty());
        assertTrue(notes.get(0).contains("never got a name"), notes.toString());
    }

    @Test
    void argumentsThatAreAJsonStringOfNonJsonStayAsTheyCame() {
        feed("{\"id\":\"a\",\"function\":{\"name\":\"run_command\",\"arguments\":\"\\\"ls -la\\\"\"}}");

        assertEquals("\"ls -la\"", assembler.finish(notes).get(0).arguments());
        assertTrue(notes.isEmpty());
    }

    private void feed(String... entries) {
        for (String entry : entries) {
            assembler.accept(JsonParser.parseString(entry));
        }
    }
}
