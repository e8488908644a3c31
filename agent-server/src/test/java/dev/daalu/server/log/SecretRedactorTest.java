package dev.daalu.server.log;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.Cases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretRedactorTest {

    @Test
    void masksEveryFormOfTheCloneTokenInTheArgvOfCaseB37() {
        JsonObject spec = JsonParser.parseString(Cases.text("B37-argv-extraheader.json")).getAsJsonObject();
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");
        String argv = spec.getAsJsonArray("argv_that_must_never_be_logged_verbatim").toString();
        String message = "git clone failed: could not resolve host git.example.com; argv " + argv;

        String redacted = redactor.redact(message);

        for (JsonElement form : spec.getAsJsonArray("forms_of_the_secret_to_scan_for")) {
            assertFalse(redacted.contains(form.getAsString()), form + " in " + redacted);
        }
        assertTrue(redacted.contains("could not resolve host git.example.com"), redacted);
    }

    @Test
    void masksTheDerivedFormsEvenWithoutAPatternAround() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");

        assertEquals("token " + SecretRedactor.MASK, redactor.redact("token eC1hY2Nlc3MtdG9rZW46VEVTVFRPS0VOLUIzNC0wMTIzNDU2Nzg5YWJjZGVmMDEyMw=="));
        redactor.unregister("TESTTOKEN-B34-0123456789abcdef0123");
        assertEquals("TESTTOKEN-B34-0123456789abcdef0123", redactor.redact("TESTTOKEN-B34-0123456789abcdef0123"));
    }

    @Test
    void masksWellKnownCredentialPatterns() {
        SecretRedactor redactor = new SecretRedactor();

        assertEquals("key=" + SecretRedactor.MASK, redactor.redact("key=sk-TEST-B16-00000000000000000000000000000000"));
        assertEquals("https://" + SecretRedactor.MASK + "@git.example.com/x.git",
                redactor.redact("https://bot:CANARY-B16-gitcred@git.example.com/x.git"));
        assertEquals("Authorization: " + SecretRedactor.MASK, redactor.redact("Authorization: Bearer abc.def-ghi"));
        assertEquals(SecretRedactor.MASK, redactor.redact("-----BEGIN OPENSSH PRIVATE KEY-----\nCANARY\n-----END OPENSSH PRIVATE KEY-----"));
        assertEquals("plain text stays", redactor.redact("plain text stays"));
    }

    @Test
    void refusesSecretsTooShortToMaskSafely() {
        assertThrows(IllegalArgumentException.class, () -> new SecretRedactor().register("abc"));
    }
}
