package dev.daalu.server.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoUrlTest {

    @Test
    void splitsAnHttpsUrlIntoWhatGitSendsAHelper() throws SeedingException {
        RepoUrl url = RepoUrl.parse("https://Git.Example.com:8443/Team/Sub%20Group/repo.git/");

        assertEquals("https://Git.Example.com:8443/Team/Sub%20Group/repo.git/", url.url());
        assertEquals("git.example.com:8443", url.authority());
        assertEquals("Team/Sub Group/repo.git", url.path());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://github.com/acme/infra.git",
            "https://gitlab.example.com/group/subgroup/project",
            "https://dev.azure.com/org/Project%20One/_git/repo",
            "HTTPS://git.example.com/a.git",
            "https://10.0.0.7:3000/ops/runbooks.git",
            "https://[::1]:8443/ops/runbooks.git"})
    void acceptsHttpsRepositoryUrls(String text) throws SeedingException {
        assertEquals(text, RepoUrl.parse(text).url());
    }

    @Test
    void refusesB38sUrlsWithNewlines() {
        List<String> urls = B38.refusedUrls();

        assertEquals(2, urls.size());
        for (String url : urls) {
            assertRefused(url);
            // the file spells the second newline as "\n"; refuse the real character too
            assertRefused(url.replace("\\n", "\n"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://git.example.com/a%0d.git", "https://git.example.com/a%0A.git", "https://git.example.com/a%00.git",
            "https://git.example.com/a%7f.git", "https://git.example.com/a\r.git", "https://git.example.com/a\t.git",
            "https://git.example.com/a\u0000.git"})
    void refusesControlCharactersRawOrEncoded(String url) {
        assertTrue(assertRefused(url).contains("control character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ssh://git@git.example.com/acme/repo.git", "git@git.example.com:acme/repo.git",
            "git.example.com:acme/repo.git", "file:///srv/repos/repo.git", "/srv/repos/repo.git",
            "ext::sh -c touch% /tmp/pwned", "fd::3", "http://git.example.com/acme/repo.git",
            "git://git.example.com/acme/repo.git", "--upload-pack=touch /tmp/pwned", "-u"})
    void refusesEveryOtherTransport(String url) {
        assertTrue(assertRefused(url).contains("only https:// URLs are accepted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x-access-token:TESTTOKEN-URL-0123456789@git.example.com/a.git",
            "https://TESTTOKEN-URL-0123456789@git.example.com/a.git"})
    void refusesCredentialsInTheUrlWithoutRepeatingThem(String url) {
        String message = assertRefused(url);

        assertTrue(message.contains("credentials"), message);
        assertFalse(message.contains("TESTTOKEN-URL"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///repo.git", "https://git.example.com", "https://git.example.com/",
            "https://git.example.com/a.git?ref=main", "https://git.example.com/a.git#x", "https://git.example.com/a b.git",
            "https://git.example.com/a\\b.git", "https://gït.example.com/a.git", "https://git.example.com:99999/a.git",
            "https://git.example.com:/a.git", "https://-bad.example.com/a.git", "https://git..example.com/a.git", ""})
    void refusesMalformedUrls(String url) {
        assertRefused(url);
    }

    private static String assertRefused(String url) {
        SeedingException refused = assertThrows(SeedingException.class, () -> RepoUrl.parse(url));
        assertEquals(SeedingException.Reason.REFUSED_INPUT, refused.reason());
        assertFalse(refused.getMessage().contains("\n"), "a message is one line: " + refused.getMessage());
        return refused.getMessage();
    }
}
