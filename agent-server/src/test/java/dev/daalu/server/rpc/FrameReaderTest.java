package dev.daalu.server.rpc;

import com.google.gson.JsonObject;
import dev.daalu.server.Cases;
import dev.daalu.server.protocol.DaaluClient;
import dev.daalu.server.protocol.DaaluServer;
import dev.daalu.server.protocol.ErrorCodes;
import dev.daalu.server.protocol.SearchParams;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FrameReaderTest {

    static final String B28_TEXT = "Переименуй метод — и добавь комментарий «готово» 🙂 日本語";

    private final List<Message> received = new ArrayList<>();
    private final List<ResponseMessage> replies = new ArrayList<>();
    private final List<Message> responseIssues = new ArrayList<>();

    static MessageJsonHandler jsonHandler() {
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(DaaluClient.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(DaaluServer.class));
        return new MessageJsonHandler(methods);
    }

    private FrameReader reader(InputStream input, FrameLimits limits) {
        return new FrameReader(input, jsonHandler(), limits, message -> replies.add((ResponseMessage) message),
                (message, issues) -> responseIssues.add(message));
    }

    private ConnectionEnd read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes), FrameLimits.defaults());
    }

    private ConnectionEnd read(InputStream input, FrameLimits limits) {
        FrameReader reader = reader(input, limits);
        reader.listen(received::add);
        return reader.end();
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return concat(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Hands out one byte per read, the worst case of a pipe. */
    static InputStream oneBytePerRead(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private RequestMessage request(int index) {
        return assertInstanceOf(RequestMessage.class, received.get(index));
    }

    @Test
    void readsBothB28FramesWrittenInOneGo() {
        ConnectionEnd end = read(Cases.bytes("B28-multibyte-two-frames.bin"));

        assertB28TwoFrames(end);
    }

    @Test
    void readsBothB28FramesOneBytePerRead() {
        ConnectionEnd end = read(oneBytePerRead(Cases.bytes("B28-multibyte-two-frames.bin")), FrameLimits.defaults());

        assertB28TwoFrames(end);
    }

    private void assertB28TwoFrames(ConnectionEnd end) {
        assertEquals(ConnectionEnd.Kind.END_OF_INPUT, end.kind());
        assertEquals(2, received.size(), received.toString());
        assertEquals("agent/chat", request(0).getMethod());
        assertEquals(B28_TEXT, ((JsonObject) request(0).getParams()).get("text").getAsString());
        NotificationMessage cancel = assertInstanceOf(NotificationMessage.class, received.get(1));
        assertEquals("$/cancelRequest", cancel.getMethod());
        assertEquals(List.of(), replies);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void answersAParseErrorForB28sShortLengthAndStillReadsThePingAfterIt(boolean bytewise) {
        byte[] bytes = Cases.bytes("B28-multibyte-short-length.bin");

        ConnectionEnd end = read(bytewise ? oneBytePerRead(bytes) : new ByteArrayInputStream(bytes), FrameLimits.defaults());

        assertEquals(ConnectionEnd.Kind.END_OF_INPUT, end.kind());
        assertEquals(1, replies.size());
        assertNull(replies.get(0).getRawId());
        assertEquals(ErrorCodes.PARSE_ERROR, replies.get(0).getError().getCode());
        assertTrue(replies.get(0).getError().getMessage().contains("UTF-8 byte count"), replies.get(0).getError().getMessage());
        assertEquals(1, received.size());
        assertEquals("agent/ping", request(0).getMethod());
        assertEquals("2", request(0).getId());
    }

    @Test
    void acceptsB30HeadersInAnyOrderAndCase() {
        ConnectionEnd end = read(Cases.bytes("B30-header-variants.bin"));

        assertEquals(ConnectionEnd.Kind.END_OF_INPUT, end.kind());
        assertEquals(List.of("6", "7", "8"), received.stream().map(m -> ((RequestMessage) m).getId()).toList());
        assertEquals(List.of(), replies);
    }

    @Test
    void acceptsTheUtf8SpellingWithoutDashAndIgnoresUnknownHeaders() {
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"agent/ping\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(ascii("X-Trace: abc\r\ncontent-type: application/vscode-jsonrpc; charset=UTF8\r\n"
                + "Content-Length:   " + body.length + "  \r\n\r\n"), body);

        read(bytes);

        assertEquals(1, received.size());
        assertEquals(List.of(), replies);
    }

    @Test
    void refusesAnotherCharsetAndReadsOn() {
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"agent/ping\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(ascii("Content-Type: application/json; charset=utf-16\r\nContent-Length: " + body.length
                + "\r\n\r\n"), body, frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"agent/ping\"}"));

        read(bytes);

        assertEquals(ErrorCodes.PARSE_ERROR, replies.get(0).getError().getCode());
        assertTrue(replies.get(0).getError().getMessage().contains("utf-16"));
        assertEquals("2", request(0).getId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"B31-huge-length.bin", "B31-overflow-length.bin", "B31-negative-length.bin", "B31-nonnumeric-length.bin"})
    void closesTheConnectionOnB31LengthsWithoutALargeAllocation(String file) {
        byte[] bytes = Cases.bytes(file);
        long before = allocatedBytes();

        ConnectionEnd end = read(bytes);

        long allocated = allocatedBytes() - before;
        assertEquals(ConnectionEnd.Kind.PROTOCOL_ERROR, end.kind());
        assertTrue(end.detail().startsWith("Content-Length "), end.detail());
        assertEquals(List.of(), received);
        assertTrue(allocated < 1024 * 1024, "allocated " + allocated + " bytes");
    }

    @Test
    void namesWhatIsWrongWithEachB31Length() {
        assertEquals("Content-Length 2147483648 is over the limit of 67108864 bytes",
                read(Cases.bytes("B31-huge-length.bin")).detail());
        assertEquals("Content-Length 99999999999999999999 is over the limit of 67108864 bytes",
                read(Cases.bytes("B31-overflow-length.bin")).detail());
        assertEquals("Content-Length -5 is negative", read(Cases.bytes("B31-negative-length.bin")).detail());
        assertEquals("Content-Length 'abc' is not a number", read(Cases.bytes("B31-nonnumeric-length.bin")).detail());
    }

    @Test
    void closesTheConnectionOnAnEndlessHeaderLineAfterItsCap() {
        // what B31-endless-header.gen.sh writes: a 4 MiB header line without CRLF
        byte[] bytes = concat(ascii("X-Padding: "), ascii("A".repeat(4 * 1024 * 1024)));
        long before = allocatedBytes();

        ConnectionEnd end = read(bytes);

        long allocated = allocatedBytes() - before;
        assertEquals(ConnectionEnd.Kind.PROTOCOL_ERROR, end.kind());
        assertEquals("a header line is longer than 8192 bytes", end.detail());
        assertTrue(allocated < 1024 * 1024, "allocated " + allocated + " bytes");
    }

    @Test
    void acceptsABodyOfExactlyTheLimitAndRefusesOneByteMore() {
        FrameLimits limits = FrameLimits.defaults().withMaxContentBytes(2048);
        String atLimit = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"agent/ping\",\"params\":{\"text\":\"%s\"}}";
        String padding = "x".repeat(2048 - String.format(atLimit, "").length());

        read(new ByteArrayInputStream(frame(String.format(atLimit, padding))), limits);
        ConnectionEnd over = read(new ByteArrayInputStream(frame(String.format(atLimit, padding + "x"))), limits);

        assertEquals(1, received.size());
        assertEquals(ConnectionEnd.Kind.PROTOCOL_ERROR, over.kind());
        assertEquals("Content-Length 2049 is over the limit of 2048 bytes", over.detail());
    }

    @Test
    void refusesTwoDifferentLengths() {
        ConnectionEnd end = read(ascii("Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}"));

        assertEquals(ConnectionEnd.Kind.PROTOCOL_ERROR, end.kind());
    }

    @Test
    void skipsAFrameWithoutContentLengthAndReadsTheNextOne() {
        byte[] bytes = concat(ascii("Content-Type: application/vscode-jsonrpc\r\n\r\n{\"id\":1}"),
                frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"agent/ping\"}"));

        read(bytes);

        assertEquals(1, received.size());
        assertEquals("2", request(0).getId());
    }

    @Test
    void aHeaderLookalikeInsideGarbageDoesNotStopResynchronising() {
        byte[] bytes = concat(frame("{\"broken"), ascii("\"text\":\"Content-Length: lots\"}\r\n"),
                frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"agent/ping\"}"));

        ConnectionEnd end = read(bytes);

        assertEquals(ConnectionEnd.Kind.END_OF_INPUT, end.kind());
        assertEquals(ErrorCodes.PARSE_ERROR, replies.get(0).getError().getCode());
        assertEquals("3", request(0).getId());
    }

    @Test
    void answersInvalidRequestForJsonThatIsNoMessage() {
        read(concat(frame("[1,2]"), frame("{\"jsonrpc\":\"2.0\"}"), frame("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"agent/ping\"}")));

        assertEquals(List.of(ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_REQUEST),
                replies.stream().map(r -> r.getError().getCode()).toList());
        assertTrue(replies.get(0).getError().getMessage().contains("batches are not supported"));
        assertEquals("4", request(0).getId());
    }

    @Test
    void answersInvalidParamsWithTheIdWhenParamsDoNotFitTheMethod() {
        read(frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"search/query\",\"params\":{\"query\":\"x\",\"maxResults\":\"many\"}}"));

        assertEquals(List.of(), received);
        ResponseMessage reply = replies.get(0);
        assertEquals("5", reply.getId());
        assertEquals(ErrorCodes.INVALID_PARAMS, reply.getError().getCode());
        assertTrue(reply.getError().getMessage().startsWith("Invalid params for 'search/query': "), reply.getError().getMessage());
        assertEquals("Invalid params for 'search/query': 'maxResults' must be an integer, not \"many\"", reply.getError().getMessage());
        assertNull(reply.getError().getData());
    }

    @Test
    void typedParamsArriveAsTheProtocolRecords() {
        read(frame("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"search/query\",\"params\":{\"query\":\"bucket\",\"maxResults\":3}}"));

        assertEquals(new SearchParams("bucket", null, null, 3), request(0).getParams());
    }

    @Test
    void aResponseThatCannotBeParsedFailsThePendingRequest() {
        read(frame("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"decision\":[1,2]},\"error\":{\"code\":\"x\"}}"));

        assertEquals(1, responseIssues.size());
    }

    @Test
    void keepsReadingWhenHandlingAMessageThrows() {
        byte[] bytes = concat(frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"agent/ping\"}"),
                frame("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"agent/ping\"}"));
        FrameReader reader = reader(new ByteArrayInputStream(bytes), FrameLimits.defaults());

        reader.listen(message -> {
            received.add(message);
            if (received.size() == 1) {
                throw new IllegalStateException("boom");
            }
        });

        assertEquals(2, received.size());
        assertEquals("7", replies.get(0).getId());
        assertEquals(ErrorCodes.INTERNAL_ERROR, replies.get(0).getError().getCode());
    }

    @Test
    void skipsBlankLinesBetweenFramesAndAcceptsBareLineFeeds() {
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"agent/ping\"}".getBytes(StandardCharsets.UTF_8);

        read(concat(ascii("\r\n\r\nContent-Length: " + body.length + "\n\n"), body));

        assertEquals("9", request(0).getId());
    }

    @Test
    void endsQuietlyWhenTheInputStopsInsideABody() {
        ConnectionEnd end = read(ascii("Content-Length: 100\r\n\r\n{\"jsonrpc\""));

        assertEquals(ConnectionEnd.Kind.END_OF_INPUT, end.kind());
        assertEquals(List.of(), received);
        assertEquals(List.of(), replies);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
