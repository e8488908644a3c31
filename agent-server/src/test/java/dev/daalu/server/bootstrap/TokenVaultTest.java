package dev.daalu.server.bootstrap;

import dev.daalu.server.log.SecretRedactor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVaultTest {

    private static final String TOKEN = "TESTTOKEN-VAULT-0123456789abcdef";

    @TempDir
    Path dir;
    private StateDirectory state;
    private Path keyFile;
    private final SecretRedactor redactor = new SecretRedactor();

    @BeforeEach
    void key() throws Exception {
        state = new StateDirectory(dir.resolve("state/daalu"));
        keyFile = dir.resolve("fernet.key");
        Files.writeString(keyFile, newKey() + "\n");
    }

    @Test
    void storesTheTokenEncryptedInA0600FileInA0700Directory() throws Exception {
        TokenVault vault = new TokenVault(state, keyFile.toString(), redactor);

        vault.store(TOKEN);

        assertTrue(vault.hasToken());
        Path file = vault.tokenFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String stored = Files.readString(file);
        assertTrue(stored.startsWith("gAAAAA"), "a Fernet token (version 0x80)");
        assertFalse(stored.contains(TOKEN));
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void opensTheTokenJustInTimeAndRedactsItOnlyWhileOpen() throws Exception {
        TokenVault vault = new TokenVault(state, keyFile.toString(), redactor);
        vault.store(TOKEN);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("robot:" + TOKEN).getBytes(StandardCharsets.UTF_8));

        try (ClearToken token = vault.open("robot")) {
            assertEquals(TOKEN, token.value());
            assertEquals("[REDACTED]", redactor.redact(TOKEN));
            assertFalse(redactor.redact("Authorization: " + basic).contains(basic.substring(6)));
            assertFalse(token.toString().contains(TOKEN));
        }
        assertEquals(TOKEN, redactor.redact(TOKEN), "unregistered once closed");
    }

    @Test
    void tightensALooserStateDirectory() throws Exception {
        Files.createDirectories(state.path(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        new TokenVault(state, keyFile.toString(), redactor).store(TOKEN);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.path())));
    }

    @Test
    void replacesAStoredToken() throws Exception {
        TokenVault vault = new TokenVault(state, keyFile.toString(), redactor);
        vault.store(TOKEN);

        vault.store("TESTTOKEN-SECOND-0000000000");

        try (ClearToken token = vault.open("x")) {
            assertEquals("TESTTOKEN-SECOND-0000000000", token.value());
        }
    }

    @Test
    void saysWhenTheKeyVariableIsUnset() {
        SeedingException e = assertVaultUnusable(new TokenVault(state, null, redactor));

        assertTrue(e.getMessage().contains("DAALU_TOKEN_KEY_FILE is not set"), e.getMessage());
        assertFalse(state.exists(TokenVault.TOKEN_FILE));
    }

    @Test
    void saysWhenTheKeyFileIsMissingOrNotAFile() {
        assertTrue(assertVaultUnusable(new TokenVault(state, dir.resolve("nope").toString(), redactor))
                .getMessage().contains("does not exist"));
        assertTrue(assertVaultUnusable(new TokenVault(state, dir.toString(), redactor))
                .getMessage().contains("is not a file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-key", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/A=="})
    void saysWhenTheKeyFileHoldsNoFernetKeyWithoutQuotingIt(String content) throws Exception {
        Files.writeString(keyFile, content);

        SeedingException e = assertVaultUnusable(new TokenVault(state, keyFile.toString(), redactor));

        assertTrue(e.getMessage().contains("not hold a valid Fernet key"), e.getMessage());
        if (!content.isEmpty()) {
            assertFalse(e.getMessage().contains(content));
        }
    }

    @Test
    void saysWhenTheStoredTokenDoesNotDecryptWithTheKey() throws Exception {
        new TokenVault(state, keyFile.toString(), redactor).store(TOKEN);
        Files.writeString(keyFile, newKey());

        SeedingException e = assertThrows(SeedingException.class,
                () -> new TokenVault(state, keyFile.toString(), redactor).open("x"));

        assertEquals(SeedingException.Reason.VAULT_UNUSABLE, e.reason());
        assertTrue(e.getMessage().contains("does not decrypt"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TESTTOKEN\nhost=evil.example.net", "TESTTOKEN-0123\r", "TESTTOKEN\t0123456", "TESTTOKEN\u0000123",
            "TESTTOKEN\u007f1234", "TESTTOKEN\u20281234", "TESTTOKEN\u00851234", "short", ""})
    void refusesTokensThatAreShortEmptyOrCarryControlCharacters(String token) {
        TokenVault vault = new TokenVault(state, keyFile.toString(), redactor);

        SeedingException e = assertThrows(SeedingException.class, () -> vault.store(token));

        assertEquals(SeedingException.Reason.REFUSED_INPUT, e.reason());
        assertFalse(vault.hasToken());
        if (!token.isEmpty()) {
            assertFalse(e.getMessage().contains(token));
        }
    }

    @Test
    void refusesATokenOverTheLengthCap() {
        String token = "T".repeat(TokenVault.MAX_TOKEN_CHARS + 1);

        SeedingException e = assertThrows(SeedingException.class,
                () -> new TokenVault(state, keyFile.toString(), redactor).store(token));

        assertEquals(SeedingException.Reason.REFUSED_INPUT, e.reason());
    }

    private SeedingException assertVaultUnusable(TokenVault vault) {
        SeedingException e = assertThrows(SeedingException.class, () -> vault.store(TOKEN));
        assertEquals(SeedingException.Reason.VAULT_UNUSABLE, e.reason());
        return e;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().encodeToString(key);
    }
}
