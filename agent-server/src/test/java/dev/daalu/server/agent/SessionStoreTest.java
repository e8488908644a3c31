package dev.daalu.server.agent;

import dev.daalu.server.model.ChatMessage;
import dev.daalu.server.model.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionStoreTest {

    @TempDir
    Path temp;

    @Test
    void aRestartedStoreResumesTheConversation() throws Exception {
        SessionStore first = new SessionStore(temp, Clock.systemUTC());
        Session session = first.create();
        session.append(ChatMessage.user("add a lifecycle rule"), "t1");
        session.append(ChatMessage.assistant("Done.", List.of()), "t1");
        session.endTurn("t1", TurnOutcome.Kind.COMPLETED);

        SessionStore restarted = new SessionStore(temp, Clock.systemUTC());

        assertEquals(session.messages(), restarted.get(session.id()).messages());
        SessionStore.Summary summary = restarted.list(10).get(0);
        assertEquals("add a lifecycle rule", summary.title());
        assertEquals(1, summary.turns());
    }

    @Test
    void sessionsAreReadableByTheirOwnerOnly() throws Exception {
        Path directory = temp.resolve("state/daalu/sessions");
        Session session = new SessionStore(directory, Clock.systemUTC()).create();
        session.append(ChatMessage.user("the prod database password is in vars.tf"), "t1");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(session.id() + ".jsonl"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
    }

    @Test
    void aLineCutShortByAKillIsIgnoredAndTheNextAppendStartsCleanly() throws Exception {
        SessionStore store = new SessionStore(temp, Clock.systemUTC());
        Session session = store.create();
        session.append(ChatMessage.user("first"), "t1");
        Path log = temp.resolve(session.id() + ".jsonl");
        Files.writeString(log, "{\"type\":\"message\",\"message\":{\"role\":\"USER\",\"cont", StandardOpenOption.APPEND);

        Session resumed = new SessionStore(temp, Clock.systemUTC()).get(session.id());
        assertEquals(List.of(ChatMessage.user("first")), resumed.messages());
        resumed.append(ChatMessage.user("second"), "t2");

        assertEquals(List.of(ChatMessage.user("first"), ChatMessage.user("second")),
                new SessionStore(temp, Clock.systemUTC()).get(session.id()).messages());
        assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains("cont{"));
    }

    @Test
    void toolCallsInterruptedByACrashGetAResultSoTheHistoryStaysValid() throws Exception {
        SessionStore store = new SessionStore(temp, Clock.systemUTC());
        Session session = store.create();
        session.append(ChatMessage.user("go"), "t1");
        session.append(ChatMessage.assistant(null, List.of(new ToolCall("a", "read_file", "{}"), new ToolCall("b", "list_dir", "{}"))), "t1");
        session.append(ChatMessage.tool("a", "ok"), "t1");

        List<ChatMessage> resumed = new SessionStore(temp, Clock.systemUTC()).get(session.id()).messages();

        assertEquals(4, resumed.size());
        assertEquals("b", resumed.get(3).toolCallId());
    }

    @Test
    void refusesIdsThatAreNotPlainNames() {
        SessionStore store = new SessionStore(temp, Clock.systemUTC());

        assertThrows(IllegalArgumentException.class, () -> store.get("../etc/passwd"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> store.get("missing-session"));
    }
}
