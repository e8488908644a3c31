package dev.daalu.server.bootstrap;

import dev.daalu.server.bootstrap.SeedingException.Reason;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A repository URL that is safe to hand to git: {@code https://host[:port]/path}, nothing else.
 *
 * <p>Refused, each with a message saying why: other transports ({@code ssh://}, scp-like {@code git@host:path},
 * {@code file://}, {@code http://}, {@code ext::}, {@code fd::}...), credentials in the URL (user info before
 * {@code @}: the token belongs in the vault), control characters raw or percent-encoded ({@code %0a},
 * {@code %0d}... which would inject lines into git's credential protocol: CVE-2020-5260, case B38), non-ASCII
 * text, a query or fragment, and characters outside RFC 3986 paths.
 *
 * @param url the URL exactly as given, passed to git unchanged
 * @param authority {@code host} or {@code host:port}, lower-case: what git sends as {@code host=} to a
 *     credential helper
 * @param path the percent-decoded path without leading or trailing slashes: what git sends as {@code path=}
 *     with {@code credential.useHttpPath}
 */
public record RepoUrl(String url, String authority, String path) {

    private static final String SCHEME = "https://";
    private static final Pattern HOST = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*)+");
    private static final Pattern SCP_LIKE = Pattern.compile("^[^/:]*@?[^/:]+:(?!//).*");
    private static final String HTTPS_ONLY = "only https:// URLs are accepted (ssh://, git@host:path, file://, http://, "
            + "ext::, fd:: and other transports are refused)";

    /**
     * Checks {@code text} and splits it.
     *
     * @throws SeedingException with {@link Reason#REFUSED_INPUT} saying what is wrong
     */
    public static RepoUrl parse(String text) throws SeedingException {
        if (text == null || text.isBlank()) {
            throw refused(text, "the URL is empty");
        }
        checkCharacters(text);
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw refused(text, describeOtherTransport(text));
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        checkAuthority(text, authority);
        if (path.contains("?") || path.contains("#")) {
            throw refused(text, "a query (?) or fragment (#) is not part of a repository URL");
        }
        if (!PATH.matcher(path).matches() || stripSlashes(path).isEmpty()) {
            throw refused(text, "the path must name a repository (for example https://git.example.com/team/repo.git) "
                    + "using only URL characters; percent-encode others");
        }
        return new RepoUrl(text, authority.toLowerCase(Locale.ROOT), stripSlashes(decode(path)));
    }

    /** The URL, for messages; the same as {@link #url()} (which never carries credentials). */
    @Override
    public String toString() {
        return url;
    }

    private static void checkCharacters(String text) throws SeedingException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw refused(text, "it contains a control character (such as a newline), which could inject lines "
                        + "into git's credential protocol");
            }
            if (c > 0x7e) {
                throw refused(text, "it contains non-ASCII characters; use the punycode host and a percent-encoded path");
            }
            if (c == '%' && isEncodedControl(text, i)) {
                throw refused(text, "it contains a percent-encoded control character (such as %0a or %0d), which "
                        + "could inject lines into git's credential protocol");
            }
        }
    }

    private static boolean isEncodedControl(String text, int percent) {
        if (percent + 2 >= text.length()) {
            return false;
        }
        int high = Character.digit(text.charAt(percent + 1), 16);
        int low = Character.digit(text.charAt(percent + 2), 16);
        if (high < 0 || low < 0) {
            return false;
        }
        int value = high * 16 + low;
        return value < 0x20 || value == 0x7f;
    }

    private static void checkAuthority(String text, String authority) throws SeedingException {
        if (authority.contains("@")) {
            throw refused(text, "it carries credentials (user info before '@'); remove them and store the token "
                    + "with 'daalu workspace set-token'");
        }
        int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? null : authority.substring(colon + 1);
        if (host.isEmpty()) {
            throw refused(text, "it has no host");
        }
        if (!HOST.matcher(host).matches()) {
            throw refused(text, "'" + host + "' is not a valid host name");
        }
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw refused(text, "'" + port + "' is not a valid port");
        }
    }

    private static String describeOtherTransport(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (lower.startsWith("-")) {
            return "it looks like an option, not a URL; " + HTTPS_ONLY;
        }
        if (colon > 0 && lower.startsWith("::", colon)) {
            return "the " + lower.substring(0, colon) + ":: transport runs arbitrary commands; " + HTTPS_ONLY;
        }
        if (colon > 0 && lower.startsWith("://", colon)) {
            return lower.substring(0, colon) + ":// is not https; " + HTTPS_ONLY;
        }
        if (SCP_LIKE.matcher(lower).matches()) {
            return "host:path is the ssh (scp-like) form; " + HTTPS_ONLY;
        }
        return HTTPS_ONLY;
    }

    static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static String decode(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static SeedingException refused(String url, String why) {
        // a control character shown as is would break the one-line message (or the terminal)
        String shown = url == null ? "" : url.replaceAll("\\p{Cntrl}", "?");
        return new SeedingException(Reason.REFUSED_INPUT, "refused --repo '" + shown + "': " + why);
    }
}
