package dev.daalu.server.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialScopeTest {

    private final CredentialScope scope = scope(B38.CONFIGURED);

    @Test
    void admitsOnlyTheFirstOfB38sSixRequests() {
        List<String> requests = B38.requests();

        assertEquals(6, requests.size());
        assertEquals(List.of(true, false, false, false, false, false), requests.stream().map(scope::admits).toList());
    }

    @Test
    void comparesTheHostCaseInsensitivelyAndThePathExactly() {
        assertTrue(scope.admits("protocol=https\nhost=Git.Example.COM\npath=acme/private-service.git\n\n"));
        assertFalse(scope.admits("protocol=https\nhost=git.example.com\npath=ACME/private-service.git\n\n"));
        assertFalse(scope.admits("protocol=https\nhost=git.example.com\npath=acme/private-service\n\n"));
        assertFalse(scope.admits("protocol=https\nhost=git.example.com.evil.example.net\npath=acme/private-service.git\n"));
    }

    @Test
    void needsThePortWhenTheUrlNamesOne() throws SeedingException {
        CredentialScope withPort = scope("https://127.0.0.1:8443/team/repo.git");

        assertTrue(withPort.admits("protocol=https\nhost=127.0.0.1:8443\npath=team/repo.git\n"));
        assertFalse(withPort.admits("protocol=https\nhost=127.0.0.1\npath=team/repo.git\n"));
        assertFalse(withPort.admits("protocol=https\nhost=127.0.0.1:9443\npath=team/repo.git\n"));
    }

    @Test
    void refusesARequestWithoutAPath() {
        assertFalse(scope.admits("protocol=https\nhost=git.example.com\n\n"));
    }

    @Test
    void refusesRepeatedOrMalformedFields() {
        assertFalse(scope.admits("protocol=https\nhost=evil.example.net\nhost=git.example.com\npath=acme/private-service.git\n"));
        assertFalse(scope.admits("protocol=https\nhost=git.example.com\npath=acme/private-service.git\nnonsense\n"));
        assertFalse(scope.admits("protocol=https\n=git.example.com\nhost=git.example.com\npath=acme/private-service.git\n"));
    }

    @Test
    void ignoresFieldsAfterTheBlankLineAndRepeatedArrayFields() {
        assertTrue(scope.admits("protocol=https\nhost=git.example.com\npath=acme/private-service.git\n"
                + "wwwauth[]=Basic realm=\"x\"\nwwwauth[]=Bearer\n\nhost=evil.example.net\n"));
    }

    private static CredentialScope scope(String url) {
        try {
            return CredentialScope.of(RepoUrl.parse(url));
        } catch (SeedingException e) {
            throw new AssertionError(e);
        }
    }
}
