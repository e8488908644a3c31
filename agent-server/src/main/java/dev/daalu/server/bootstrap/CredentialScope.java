package dev.daalu.server.bootstrap;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which credential requests from git get the token: protocol {@code https}, exactly the configured host (and
 * port; case-insensitive), and exactly the repository's path (git sends it because the clone runs with
 * {@code credential.useHttpPath=true}). Anything else, including a request with a field missing, empty or
 * repeated, or a line that is not {@code key=value}, gets nothing (case B38, CVE-2020-5260 / 11008).
 *
 * @param authority {@code host} or {@code host:port}, as {@link RepoUrl#authority()}
 * @param path the repository path without leading or trailing slashes, as {@link RepoUrl#path()}
 */
public record CredentialScope(String authority, String path) {

    public static CredentialScope of(RepoUrl url) {
        return new CredentialScope(url.authority(), url.path());
    }

    /**
     * Whether {@code request}, the attribute lines git writes to a helper (up to a blank line or the end), may be
     * answered with the token.
     */
    public boolean admits(String request) {
        Optional<Map<String, String>> fields = parse(request);
        if (fields.isEmpty()) {
            return false;
        }
        String protocol = fields.get().get("protocol");
        String host = fields.get().get("host");
        String requestPath = fields.get().get("path");
        return "https".equals(protocol)
                && host != null && !host.isEmpty() && host.toLowerCase(Locale.ROOT).equals(authority)
                && requestPath != null && RepoUrl.stripSlashes(requestPath).equals(path);
    }

    /** The request's fields, or empty when it is malformed or names one field twice. */
    static Optional<Map<String, String>> parse(String request) {
        Map<String, String> fields = new HashMap<>();
        for (String line : request.split("\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            String key = line.substring(0, equals);
            // array fields (wwwauth[], capability[]) may repeat; they do not matter here
            if (!key.endsWith("[]") && fields.put(key, line.substring(equals + 1)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(fields);
    }
}
