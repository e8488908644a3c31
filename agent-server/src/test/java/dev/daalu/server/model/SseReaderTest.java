package dev.daalu.server.model;

import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseReaderTest {

    @Test
    void crlfLineEndingsAreLineEndings() throws IOException {
        assertEquals(List.of("{\"a\":1}", "[DONE]"), data("data: {\"a\":1}\r\n\r\ndata: [DONE]\r\n\r\n"));
    }

    @Test
    void dataLinesOfOneEventAreJoinedWithNewlines() throws IOException {
        assertEquals(List.of("{\"a\":\n1}"), data("data: {\"a\":\ndata: 1}\n\n"));
    }

    @Test
    void commentsAndOtherFieldsAreSkippedAndTheSpaceAfterTheColonIsOptional() throws IOException {
        assertEquals(List.of("x", "y"), data(": keep-alive\n\nid: 7\nretry: 10\ndata:x\n\ndata: y\n\n"));
    }

    @Test
    void eventAndLegacyErrorFieldsSetTheEventType() throws IOException {
        SseReader reader = reader("event: error\ndata: {}\n\nerror: {\"code\":400}\n\ndata: z\n\n");

        assertEquals(new SseReader.Event("error", "{}", true), reader.next());
        assertEquals(new SseReader.Event("error", "{\"code\":400}", true), reader.next());
        assertEquals(new SseReader.Event("message", "z", true), reader.next());
    }

    @Test
    void eventCutByTheEndOfTheStreamIsMarkedUnterminated() throws IOException {
        SseReader reader = reader("data: one\n\ndata: {\"tr");

        assertTrue(reader.next().terminated());
        SseReader.Event last = reader.next();
        assertEquals("{\"tr", last.data());
        assertFalse(last.terminated());
        assertEquals(null, reader.next());
    }

    @Test
    void absurdlyLongLineIsRefusedInsteadOfBuffered() {
        Buffer body = new Buffer().writeUtf8("data: ");
        byte[] block = new byte[1024 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        for (int i = 0; i <= SseReader.MAX_LINE_BYTES / block.length; i++) {
            body.write(block);
        }

        assertThrows(SseReader.OversizedLineException.class, () -> new SseReader(body).next());
    }

    private static SseReader reader(String body) {
        return new SseReader(new Buffer().writeUtf8(body));
    }

    private static List<String> data(String body) throws IOException {
        SseReader reader = reader(body);
        List<String> result = new ArrayList<>();
        for (SseReader.Event event = reader.next(); event != null; event = reader.next()) {
            result.add(event.data());
        }
        return result;
    }
}
