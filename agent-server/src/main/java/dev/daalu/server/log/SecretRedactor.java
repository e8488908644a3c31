package dev.daalu.server.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log, an error message or a JSON-RPC error.
 *
 * <p>Two layers: values registered at runtime (the clone token while it is in memory) together with the forms
 * they take on the way to git and HTTP (base64 of {@code user:token} for the usual user names and of the token
 * alone, and the {@code Basic ...} header value: case B37), and patterns of well-known credentials (API keys,
 * provider tokens, private key blocks, {@code Authorization} headers and bare Basic/Bearer credentials,
 * {@code http.extraheader} and {@code credential.helper} values, URLs of any scheme with user info), whoever's they
 * are. Base64 forms are matched padded, unpadded and URL-safe.
 *
 * <p>Thread-safe; one process-wide instance ({@link #global()}).
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    private static final SecretRedactor GLOBAL = new SecretRedactor();
    private static final List<String> BASIC_AUTH_USERS = List.of("x-access-token", "oauth2", "git", "x-token-auth", "token");
    private static final int MIN_SECRET_CHARS = 8;

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
            Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(basic|bearer|token)\\s+[A-Za-z0-9+/=._~-]+"),
            Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(?!\\[REDACTED])[^\\s,\\]\"']{8,}"),
            Pattern.compile("(?i)\\b((?:basic|bearer)\\s+)(?=[A-Za-z0-9+/._~-]*[0-9+/])[A-Za-z0-9+/._~-]{16,}=*"),
            Pattern.compile("(?i)(extraheader\\s*=\\s*)[^\\s\"']+([^\\n\"']*)"),
            Pattern.compile("(?i)(credential\\.[^\\s=,\\]]*helper\\s*=\\s*)[^,\\]\\n\"']*"),
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@:\"']+(:[^\\s/@\"']*)?@"),
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}"),
            Pattern.compile("\\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"));

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public static SecretRedactor global() {
        return GLOBAL;
    }

    /**
     * Redacts {@code secret} and its derived forms from now on. Values shorter than {@value #MIN_SECRET_CHARS}
     * chars are refused: masking them would mangle ordinary text.
     */
    public void register(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException("a secret to redact needs at least " + MIN_SECRET_CHARS + " characters");
        }
        secrets.addAll(forms(secret));
    }

    /** Stops redacting {@code secret} (once it is gone from memory too). */
    public void unregister(String secret) {
        if (secret != null) {
            secrets.removeAll(forms(secret));
        }
    }

    /** The text with every registered secret, derived form and known credential pattern masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : longestFirst) {
            out = out.replace(secret, MASK);
        }
        for (Pattern pattern : PATTERNS) {
            out = mask(pattern, out);
        }
        return out;
    }

    private static String mask(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String keep = m.groupCount() >= 1 && m.group(1) != null && !m.group(0).startsWith("-----") ? m.group(1) : "";
            String suffix = keep.endsWith("://") ? "@" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(keep + MASK + suffix));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** The secret, and what it becomes in Basic authentication and base64. */
    static List<String> forms(String secret) {
        List<String> forms = new ArrayList<>();
        forms.add(secret);
        Base64.Encoder base64 = Base64.getEncoder();
        addBase64(forms, secret);
        for (String user : BASIC_AUTH_USERS) {
            String encoded = base64.encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
            forms.add("Basic " + encoded);
            addBase64(forms, user + ":" + secret);
        }
        return forms;
    }

    /** Base64 as headers carry it, padded or not, and the URL-safe alphabet some tools use. */
    private static void addBase64(List<String> forms, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String padded = Base64.getEncoder().encodeToString(bytes);
        forms.add(padded);
        forms.add(padded.replace("=", ""));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
