package dev.daalu.server.agent;

import com.google.gson.JsonObject;
import dev.daalu.server.model.ChatMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sessions of one workspace, each an append-only JSONL file ({@code <id>.jsonl}) in one directory. A restarted
 * server or REPL lists them and resumes any. Thread-safe.
 */
public final class SessionStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    public SessionStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Whether {@code id} is a well-formed session id (it names a file, so nothing else is accepted). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Starts a new session. */
    public Session create() throws IOException {
        String id = ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ConversationLog log = new ConversationLog(directory.resolve(id + ".jsonl"), clock);
        log.appendHeader(id);
        Session session = new Session(id, clock.instant(), List.of(), null, 0, log);
        open.put(id, session);
        return session;
    }

    /**
     * The session with this id, loaded from its log when it is not open yet.
     *
     * @throws IllegalArgumentException for a malformed id
     * @throws java.nio.file.NoSuchFileException when no such session exists
     */
    public Session get(String id) throws IOException {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("malformed session id '" + id + "'");
        }
        Session session = open.get(id);
        if (session != null) {
            return session;
        }
        Path file = directory.resolve(id + ".jsonl");
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException("no session " + id);
        }
        session = load(id, new ConversationLog(file, clock));
        Session existing = open.putIfAbsent(id, session);
        return existing != null ? existing : session;
    }

    /** Stored sessions, newest first. */
    public List<Summary> list(int limit) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> stream = Files.list(directory)) {
            files = stream.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
        }
        List<Summary> out = new ArrayList<>();
        for (Path file : files) {
            String id = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            if (!isValidId(id)) {
                continue;
            }
            out.add(summarize(id, new ConversationLog(file, clock).read(), Files.getLastModifiedTime(file).toInstant()));
        }
        out.sort(Comparator.comparing(Summary::updatedAt).reversed().thenComparing(Summary::id));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private Session load(String id, ConversationLog log) throws IOException {
        List<ChatMessage> messages = new ArrayList<>();
        Instant created = null;
        String summary = null;
        int summarized = 0;
        for (JsonObject line : log.read()) {
            String type = line.has("type") ? line.get("type").getAsString() : "";
            switch (type) {
                case "session" -> created = Instant.parse(line.get("createdAt").getAsString());
                case "message" -> messages.add(ConversationLog.message(line));
                case "summary" -> {
                    summary = line.get("text").getAsString();
                    summarized = Math.min(line.get("count").getAsInt(), messages.size());
                }
                default -> {
                    // turnEnd and unknown records carry nothing the conversation needs
                }
            }
        }
        return new Session(id, created == null ? clock.instant() : created, closeInterruptedCalls(messages), summary,
                summarized, log);
    }

    /**
     * A crash mid-turn can leave tool calls without results; chat APIs refuse such a history, so each gets a
     * result saying it was interrupted.
     */
    static List<ChatMessage> closeInterruptedCalls(List<ChatMessage> messages) {
        List<ChatMessage> out = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>();
        for (ChatMessage message : messages) {
            if (message.role() != ChatMessage.Role.TOOL) {
                answerPending(pending, out);
            }
            out.add(message);
            if (message.role() == ChatMessage.Role.ASSISTANT) {
                message.toolCalls().forEach(call -> pending.add(call.id()));
            } else if (message.role() == ChatMessage.Role.TOOL) {
                pending.remove(message.toolCallId());
            }
        }
        answerPending(pending, out);
        return out;
    }

    private static void answerPending(Set<String> pending, List<ChatMessage> out) {
        for (String id : pending) {
            out.add(ChatMessage.tool(id, "Interrupted: the server stopped before this call finished."));
        }
        pending.clear();
    }

    private static Summary summarize(String id, List<JsonObject> lines, Instant modified) {
        Instant created = modified;
        String title = "";
        int turns = 0;
        for (JsonObject line : lines) {
            String type = line.has("type") ? line.get("type").getAsString() : "";
            if (type.equals("session") && line.has("createdAt")) {
                created = Instant.parse(line.get("createdAt").getAsString());
            } else if (type.equals("message") && title.isEmpty()) {
                ChatMessage message = ConversationLog.message(line);
                if (message.role() == ChatMessage.Role.USER && message.content() != null) {
                    String first = message.content().strip().lines().findFirst().orElse("");
                    title = first.length() > 80 ? first.substring(0, 77) + "..." : first;
                }
            } else if (type.equals("turnEnd")) {
                turns++;
            }
        }
        return new Summary(id, title, created, modified, turns);
    }

    /** A stored session, for listings. */
    public record Summary(String id, String title, Instant createdAt, Instant updatedAt, int turns) { }
}
