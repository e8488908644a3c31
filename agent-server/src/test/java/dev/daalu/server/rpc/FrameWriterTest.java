package dev.daalu.server.rpc;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.protocol.ChatDelta;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.PingResult;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FrameWriterTest {

    private static final Pattern HEADER = Pattern.compile("^Content-Length: (\\d+)\r\n\r\n");

    private final MessageJsonHandler json = FrameReaderTest.jsonHandler();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static ResponseMessage response(Object result) {
        ResponseMessage response = new ResponseMessage();
        response.setJsonrpc("2.0");
        response.setId("1");
        response.setResult(result);
        return response;
    }

    /** The body of the one frame written; asserts its Content-Length is its UTF-8 byte count. */
    private JsonObject onlyFrame() {
        byte[] bytes = out.toByteArray();
        String head = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.US_ASCII);
        Matcher header = HEADER.matcher(head);
        assertTrue(header.find(), head);
        int length = Integer.parseInt(header.group(1));
        byte[] body = Arrays.copyOfRange(bytes, header.end(), bytes.length);
        assertEquals(body.length, length, "Content-Length must count the body's UTF-8 bytes");
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void contentLengthIsTheUtf8ByteCountOfMultiByteText() {
        FrameWriter writer = new FrameWriter(out, json, FrameLimits.defaults());

        writer.consume(response(new PingResult(FrameReaderTest.B28_TEXT, false)));

        JsonObject body = onlyFrame();
        assertEquals(FrameReaderTest.B28_TEXT, body.getAsJsonObject("result").get("text").getAsString());
        String serialized = body.toString();
        assertNotEquals(serialized.length(), serialized.getBytes(StandardCharsets.UTF_8).length,
                "the text must make UTF-16 units and UTF-8 bytes differ, or the test proves nothing");
    }

    @Test
    void replacesAResponseOverTheLimitWithAnErrorForTheSameId() {
        FrameWriter writer = new FrameWriter(out, json, FrameLimits.defaults().withMaxContentBytes(1024));

        writer.consume(response(new PingResult("x".repeat(2000), true)));

        JsonObject body = onlyFrame();
        assertEquals("1", body.get("id").getAsString());
        JsonObject error = body.getAsJsonObject("error");
        assertEquals(ErrorCodes.INTERNAL_ERROR, error.get("code").getAsInt());
        assertTrue(error.get("message").getAsString().contains("over the 1024-byte message limit"), error.toString());
    }

    @Test
    void dropsANotificationOverTheLimit() {
        FrameWriter writer = new FrameWriter(out, json, FrameLimits.defaults().withMaxContentBytes(1024));
        NotificationMessage notification = new NotificationMessage();
        notification.setJsonrpc("2.0");
        notification.setMethod("chat/delta");
        notification.setParams(new ChatDelta("s", "t", "y".repeat(2000)));

        writer.consume(notification);

        assertEquals(0, out.size());
    }

    @Test
    void refusesARequestOverTheLimitSoItsCallerFails() {
        FrameWriter writer = new FrameWriter(out, json, FrameLimits.defaults().withMaxContentBytes(1024));
        RequestMessage request = new RequestMessage();
        request.setJsonrpc("2.0");
        request.setId("3");
        request.setMethod("approval/request");
        request.setParams(new PingResult("z".repeat(2000), true));

        assertThrows(FrameWriter.MessageTooLargeException.class, () -> writer.consume(request));
        assertEquals(0, out.size());
    }
}
