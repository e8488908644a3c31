package dev.daalu.server.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from text bound for logs, exception messages and JSON-RPC errors.
 *
 * <p>Two kinds of secret are removed:
 * <ul>
 *   <li>values {@link #register registered} at run time (a clone token, an API key), together with the forms
 *       they take on the wire: base64 of {@code <token>} and of {@code <user>:<token>} for the usernames git hosts
 *       use ({@code x-access-token}, {@code oauth2}, ...), with and without padding, so
 *       {@code Authorization: Basic eC1hY2Nlc3MtdG9rZW46...} is caught even when the raw token never appears;</li>
 *   <li>common key shapes, registered or not: {@code sk-...}, {@code ghp_...} (and GitHub's other prefixes),
 *       {@code glpat-...}, AWS access key ids, PEM private keys, {@code Authorization} headers, Basic and Bearer
 *       credentials, {@code http.*.extraheader=} and {@code credential.helper=} values, and the userinfo of URLs.</li>
 * </ul>
 * Each is replaced by {@value #MARK}.
 *
 * <p>Thread-safe: {@link #redact} may run on any thread while another registers a secret. Values shorter than
 * {@value #MIN_SECRET_CHARS} characters are not registered, since replacing them would garble ordinary text.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";
    public static final int MIN_SECRET_CHARS = 8;

    /** Usernames that git hosts pair with a token in Basic credentials. */
    private static final List<String> TOKEN_USERNAMES = List.of("x-access-token", "oauth2", "x-token-auth", "git", "token");

    private static final List<Rule> RULES = List.of(
            new Rule("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:.*?-----END [A-Z0-9 ]*PRIVATE KEY-----|.*)", Pattern.DOTALL,
                    "-----BEGIN PRIVATE KEY-----" + MARK),
            new Rule("(?i)(http\\.[^\\s=,\\]]*extraheader\\s*=\\s*)[^,\\]\\n\"']*", 0, "$1" + MARK),
            new Rule("(?i)(credential\\.[^\\s=,\\]]*helper\\s*=\\s*)[^,\\]\\n\"']*", 0, "$1" + MARK),
            new Rule(Pattern.compile("(?i)\\b((?:proxy-)?authorization\\s*[:=]\\s*)(?:(basic|bearer|token)\\s+)?[^\\s,\\]\"']+"),
                    m -> m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MARK),
            new Rule("(?i)\\b(basic|bearer)\\s+[A-Za-z0-9+/._~-]{12,}=*", 0, "$1 " + MARK),
            new Rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@:\"']+(?::[^/\\s@\"']*)?@", 0, "$1" + MARK + "@"),
            new Rule("\\bsk-[A-Za-z0-9_-]{16,}", 0, MARK),
            new Rule("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})", 0, MARK),
            new Rule("\\bglpat-[A-Za-z0-9_-]{20,}", 0, MARK),
            new Rule("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0, MARK));

    private final Set<String> forms = new LinkedHashSet<>();
    private volatile Pattern registered;

    /**
     * Registers a secret so that it and its derived forms are removed from now on.
     *
     * @param secret the raw value; ignored when null or shorter than {@value #MIN_SECRET_CHARS} characters
     */
    public void register(String secret) {
        register(null, secret);
    }

    /**
     * Registers a secret that is also sent as Basic credentials with {@code username}, beside the usernames git
     * hosts commonly use.
     */
    public synchronized void register(String username, String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_CHARS) {
            return;
        }
        forms.add(secret);
        addBase64(secret);
        for (String user : TOKEN_USERNAMES) {
            addBase64(user + ":" + secret);
        }
        if (username != null && !username.isEmpty()) {
            addBase64(username + ":" + secret);
        }
        // longest first, so a padded form wins over its unpadded prefix
        registered = Pattern.compile(forms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
    }

    private void addBase64(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String padded = Base64.getEncoder().encodeToString(bytes);
        forms.add(padded);
        forms.add(padded.replace("=", ""));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code text} without secrets; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        Pattern secrets = registered;
        if (secrets != null) {
            out = secrets.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        for (Rule rule : RULES) {
            out = rule.apply(out);
        }
        return out;
    }

    /** The registered forms, for tests. */
    synchronized List<String> registeredForms() {
        return new ArrayList<>(forms);
    }

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
        Rule(String regex, int flags, String replacement) {
            this(Pattern.compile(regex, flags), m -> expand(m, replacement));
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
        }

        /** {@code $1} in {@code template} is the first group. */
        private static String expand(MatchResult match, String template) {
            return template.replace("$1", match.groupCount() >= 1 && match.group(1) != null ? match.group(1) : "");
        }
    }
}
