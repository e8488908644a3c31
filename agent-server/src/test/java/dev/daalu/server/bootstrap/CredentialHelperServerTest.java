package dev.daalu.server.bootstrap;

import dev.daalu.server.log.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helper server with the real relay program, run as git runs it: {@code sh -c 'HELPER "$@"' HELPER get}. */
class CredentialHelperServerTest {

    private static final String TOKEN = "TESTTOKEN-B38-0123456789abcdef";

    @TempDir
    Path tmp;

    /** What one relay process printed, and its exit code. */
    private record Relay(int exitCode, String stdout) {
    }

    @Test
    void answersB38sLegitimateRequestOnceAndNothingElse() throws Exception {
        List<String> requests = B38.requests();
        try (ClearToken token = new ClearToken(TOKEN, "x-access-token", new SecretRedactor());
                CredentialHelperServer server = start(token)) {
            List<Relay> declined = new ArrayList<>();
            for (String request : requests.subList(1, requests.size())) {
                declined.add(relay(server, "get", request));
            }
            Relay answered = relay(server, "get", requests.get(0));
            Relay again = relay(server, "get", requests.get(0));

            for (Relay relay : declined) {
                assertEquals(new Relay(0, ""), relay, "blocks 2-6 print nothing and exit 0");
            }
            assertEquals(new Relay(0, "username=x-access-token\npassword=" + TOKEN + "\n\n"), answered);
            assertEquals(new Relay(0, ""), again, "exactly one answer");
        }
    }

    @Test
    void neitherStoresNorErasesAnything() throws Exception {
        try (ClearToken token = new ClearToken(TOKEN, "x-access-token", new SecretRedactor());
                CredentialHelperServer server = start(token)) {
            String request = B38.requests().get(0).replace("\n\n", "\nusername=x\npassword=" + TOKEN + "\n\n");

            assertEquals(new Relay(0, ""), relay(server, "store", request));
            assertEquals(new Relay(0, ""), relay(server, "erase", request));
            assertEquals(new Relay(0, "username=x-access-token\npassword=" + TOKEN + "\n\n"),
                    relay(server, "get", B38.requests().get(0)), "still unanswered, so the get is answered");
        }
    }

    @Test
    void listensInAPrivateDirectoryThatCloseRemoves() throws Exception {
        Path socketDirectory;
        try (ClearToken token = new ClearToken(TOKEN, "x-access-token", new SecretRedactor());
                CredentialHelperServer server = start(token)) {
            try (Stream<Path> dirs = Files.list(tmp)) {
                socketDirectory = dirs.filter(p -> p.getFileName().toString().startsWith("daalu-credential-"))
                        .findFirst().orElseThrow();
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory)));
            assertFalse(server.helperCommand().contains(TOKEN), "the helper's command line holds no secret");
        }
        assertFalse(Files.exists(socketDirectory));
    }

    @Test
    void aRelayWhoseServerIsGonePrintsNothing() throws Exception {
        CredentialHelperServer closed;
        try (ClearToken token = new ClearToken(TOKEN, "x-access-token", new SecretRedactor())) {
            closed = start(token);
            closed.close();
            assertEquals(new Relay(0, ""), relay(closed, "get", B38.requests().get(0)));
        }
    }

    @Test
    void quotesTheHelperCommandForSh() {
        assertEquals("'it'\\''s here'", CredentialHelperServer.quote("it's here"));
    }

    private CredentialHelperServer start(ClearToken token) throws Exception {
        return CredentialHelperServer.start(CredentialScope.of(RepoUrl.parse(B38.CONFIGURED)), "x-access-token", token, tmp);
    }

    /** Runs the helper command the way git does, with {@code request} on its stdin. */
    private static Relay relay(CredentialHelperServer server, String operation, String request)
            throws IOException, InterruptedException {
        String command = server.helperCommand().substring(1);
        Process process = new ProcessBuilder("sh", "-c", command + " \"$@\"", command, operation)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(request.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the relay ends");
        return new Relay(process.exitValue(), out);
    }
}
