package dev.daalu.server.agent;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daalu.server.model.ChatMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A session's append-only JSONL log: one JSON object per line, each written with a single append and
 * flushed to disk, so a crash can at worst leave the last line partial. A partial line is ignored when the
 * log is read, and closed off with a newline before the next append, so earlier turns are never corrupted.
 *
 * <p>Lines: {@code {"type":"session","id","createdAt"}} first, then {@code message} (with the turn id),
 * {@code turnEnd} (with the outcome) and {@code summary} (condensed history) records.
 *
 * <p>Threading: appends are synchronized.
 */
final class ConversationLog {

    private static final Gson GSON = new Gson();

    private final Path file;
    private final Clock clock;
    private boolean checkedTail;

    ConversationLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    void appendHeader(String id) throws IOException {
        JsonObject header = record("session");
        header.addProperty("id", id);
        header.addProperty("createdAt", clock.instant().toString());
        append(header);
    }

    void appendMessage(ChatMessage message, String turnId) throws IOException {
        JsonObject line = record("message");
        line.addProperty("turn", turnId);
        line.add("message", GSON.toJsonTree(message));
        append(line);
    }

    void appendTurnEnd(String turnId, TurnOutcome.Kind outcome) throws IOException {
        JsonObject line = record("turnEnd");
        line.addProperty("turn", turnId);
        line.addProperty("outcome", outcome.name());
        append(line);
    }

    void appendSummary(String summary, int count) throws IOException {
        JsonObject line = record("summary");
        line.addProperty("text", summary);
        line.addProperty("count", count);
        append(line);
    }

    /** The well-formed lines of the log, in order; a malformed (partial) line is skipped. */
    List<JsonObject> read() throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.add(JsonParser.parseString(text).getAsJsonObject());
            } catch (JsonParseException | IllegalStateException e) {
                // a line cut short by a crash mid-append; everything before it stands
            }
        }
        return lines;
    }

    static ChatMessage message(JsonObject line) {
        return GSON.fromJson(line.get("message"), ChatMessage.class);
    }

    private JsonObject record(String type) {
        JsonObject line = new JsonObject();
        line.addProperty("type", type);
        line.addProperty("at", clock.instant().toString());
        return line;
    }

    private synchronized void append(JsonObject line) throws IOException {
        // a conversation holds the user's code: owner-only, like the token file
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] bytes = (GSON.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            if (!checkedTail) {
                closeOffPartialLine(channel);
                checkedTail = true;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    private void closeOffPartialLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.read(last, size - 1);
        }
        if (last.get(0) != '\n') {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
    }
}
