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

    @Test
    void masksEachB37FormOnItsOwnOnceTheTokenIsRegistered() {
        JsonObject spec = JsonParser.parseString(Cases.text("B37-argv-extraheader.json")).getAsJsonObject();
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");

        for (JsonElement form : spec.getAsJsonArray("forms_of_the_secret_to_scan_for")) {
            String redacted = redactor.redact("sent " + form.getAsString() + " (exit 128)");
            assertFalse(redacted.contains(form.getAsString()), redacted);
            assertFalse(redacted.contains("eC1hY2Nl"), redacted);
            assertTrue(redacted.endsWith(" (exit 128)"), redacted);
        }
    }

    @Test
    void masksUnpaddedAndUrlSafeBase64OfTheToken() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("TESTTOKEN-B34-0123456789abcdef0123");
        String unpadded = "eC1hY2Nlc3MtdG9rZW46VEVTVFRPS0VOLUIzNC0wMTIzNDU2Nzg5YWJjZGVmMDEyMw";

        assertEquals("h " + SecretRedactor.MASK + " end", redactor.redact("h " + unpadded + " end"));
    }

    @Test
    void neverLogsTheB37ArgvVerbatimEvenWithNothingRegistered() {
        JsonObject spec = JsonParser.parseString(Cases.text("B37-argv-extraheader.json")).getAsJsonObject();
        String argv = String.join(" ", spec.getAsJsonArray("argv_that_must_never_be_logged_verbatim").asList().stream()
                .map(JsonElement::getAsString).toList());

        String redacted = new SecretRedactor().redact("running " + argv);

        for (JsonElement form : spec.getAsJsonArray("forms_of_the_secret_to_scan_for")) {
            assertFalse(redacted.contains(form.getAsString()), redacted);
        }
    }

    @Test
    void masksMoreCredentialShapes() {
        SecretRedactor redactor = new SecretRedactor();

        assertEquals("proxy-authorization: " + SecretRedactor.MASK, redactor.redact("proxy-authorization: s3cr3tvalue"));
        assertEquals("header Basic " + SecretRedactor.MASK, redactor.redact("header Basic dXNlcjpwYXNzd29yZDEyMw=="));
        assertEquals("[git, -c, credential.helper=" + SecretRedactor.MASK + ", fetch]",
                redactor.redact("[git, -c, credential.helper=!f() { echo password=TEST; }; f, fetch]"));
        assertEquals("ssh://" + SecretRedactor.MASK + "@git.example.com/x.git", redactor.redact("ssh://deploy:pw@git.example.com/x.git"));
        assertEquals("aws " + SecretRedactor.MASK, redactor.redact("aws ASIAIOSFODNN7EXAMPLE"));
        assertEquals("Basic authentication is off", redactor.redact("Basic authentication is off"));
        assertEquals("maxTokens must be between 64 and 65536; see https://git.example.com/acme",
                redactor.redact("maxTokens must be between 64 and 65536; see https://git.example.com/acme"));
    }
}
