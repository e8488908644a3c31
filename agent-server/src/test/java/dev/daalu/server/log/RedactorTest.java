package dev.daalu.server.log;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daalu.server.Cases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    private final JsonObject b37 = JsonParser.parseString(Cases.text("B37-argv-extraheader.json")).getAsJsonObject();

    private List<String> argv() {
        List<String> argv = new ArrayList<>();
        b37.getAsJsonArray("argv_that_must_never_be_logged_verbatim").forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    private List<String> forms() {
        List<String> forms = new ArrayList<>();
        b37.getAsJsonArray("forms_of_the_secret_to_scan_for").forEach(e -> forms.add(e.getAsString()));
        return forms;
    }

    private void assertNoForm(String text) {
        for (String form : forms()) {
            assertFalse(text.contains(form), "leaked " + form + " in: " + text);
        }
    }

    @Test
    void aRegisteredTokenIsRemovedInAllThreeB37Forms() {
        Redactor redactor = new Redactor();
        redactor.register(forms().get(0));

        for (String form : forms()) {
            String line = "git failed: could not resolve host git.example.com while sending " + form + " (exit 128)";
            String redacted = redactor.redact(line);
            assertNoForm(redacted);
            assertTrue(redacted.contains(Redactor.MARK), redacted);
            assertTrue(redacted.contains("could not resolve host git.example.com"), redacted);
        }
    }

    @Test
    void theBase64OfTheBareTokenAndUnpaddedFormsAreRemovedToo() {
        Redactor redactor = new Redactor();
        String token = forms().get(0);
        redactor.register(token);
        String bare = java.util.Base64.getEncoder().encodeToString(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String unpadded = forms().get(1).replace("=", "");

        assertFalse(redactor.redact("header " + bare).contains(bare));
        assertFalse(redactor.redact("header " + unpadded + " end").contains(unpadded));
    }

    @Test
    void theB37ArgvIsNeverLoggedVerbatimEvenUnregistered() {
        Redactor redactor = new Redactor();

        String asList = redactor.redact("running " + argv());
        String asLine = redactor.redact("running " + String.join(" ", argv()));

        assertNoForm(asList);
        assertNoForm(asLine);
        assertTrue(asList.contains("http.https://git.example.com/.extraheader=" + Redactor.MARK), asList);
        assertTrue(asList.contains("clone, --depth=1, https://git.example.com/acme/private-service.git"), asList);
    }

    @Test
    void commonKeyShapesAreRemovedWithoutRegistration() {
        Redactor redactor = new Redactor();

        assertEquals("key " + Redactor.MARK, redactor.redact("key sk-TEST-B16-00000000000000000000000000000000"));
        assertEquals("t=" + Redactor.MARK, redactor.redact("t=ghp_TESTabcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals("t " + Redactor.MARK, redactor.redact("t glpat-TEST_abcdefghijklmnopqrst"));
        assertEquals("aws " + Redactor.MARK, redactor.redact("aws AKIAIOSFODNN7EXAMPLE"));
        assertEquals("Authorization: Bearer " + Redactor.MARK, redactor.redact("Authorization: Bearer abc.def-ghi"));
        assertEquals("proxy-authorization: " + Redactor.MARK, redactor.redact("proxy-authorization: s3cr3tvalue"));
        assertEquals("cloning https://" + Redactor.MARK + "@git.example.com/x.git",
                redactor.redact("cloning https://bot:CANARY-B16-gitcred@git.example.com/x.git"));
        assertEquals("[git, -c, credential.helper=" + Redactor.MARK + ", fetch]",
                redactor.redact("[git, -c, credential.helper=!f() { echo password=TEST; }; f, fetch]"));
    }

    @Test
    void aPrivateKeyBlockIsRemovedWhole() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nCANARY-B16-private-key\n-----END OPENSSH PRIVATE KEY-----";

        String redacted = new Redactor().redact("read: " + key + " done");

        assertFalse(redacted.contains("CANARY"), redacted);
        assertTrue(redacted.endsWith(" done"), redacted);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        Redactor redactor = new Redactor();
        redactor.register("short");
        String text = "maxTokens must be between 64 and 65536; see https://git.example.com/acme/repo and task-list";

        assertEquals(text, redactor.redact(text));
    }
}
