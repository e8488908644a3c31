package dev.daalu.server.bootstrap;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import com.macasaet.fernet.TokenValidationException;
import dev.daalu.server.bootstrap.SeedingException.Reason;
import dev.daalu.server.log.SecretRedactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Base64;
import java.util.Map;

/**
 * Keeps the private repository's token encrypted at rest, as a Fernet token in the state directory
 * ({@value #TOKEN_FILE}, mode 0600). The Fernet key is never stored by this product: it is read, each time it is
 * needed, from the mounted secret file that {@value #KEY_FILE_VARIABLE} names.
 *
 * <p>Nothing here returns the token: {@link #store} takes it, {@link #hasToken} says whether one is stored, and
 * only this package can {@link #open} it, just in time for a clone, as a {@link ClearToken} registered with the
 * redactor. Thread-safe.
 */
public final class TokenVault {

    public static final String KEY_FILE_VARIABLE = "DAALU_TOKEN_KEY_FILE";
    public static final int MAX_TOKEN_CHARS = 4096;
    static final int MIN_TOKEN_CHARS = 8;
    static final String TOKEN_FILE = "token.fernet";
    private static final int MAX_KEY_FILE_BYTES = 1024;
    private static final int KEY_BYTES = 32;
    private static final String KEY_HINT = "a Fernet key is 32 random bytes in URL-safe base64 (44 characters), "
            + "for example from 'head -c 32 /dev/urandom | basenc --base64url'";

    /** Fernet's timestamp is not an expiry here: the token stays valid until replaced, whatever the clock did. */
    private static final StringValidator VALIDATOR = new StringValidator() {
        @Override
        public TemporalAmount getTimeToLive() {
            return Duration.ofDays(365L * 100);
        }

        @Override
        public TemporalAmount getMaxClockSkew() {
            return Duration.ofDays(365L * 100);
        }
    };

    private final StateDirectory state;
    private final String keyFileSetting;
    private final SecretRedactor redactor;

    /**
     * @param keyFileSetting the value of {@value #KEY_FILE_VARIABLE}, or null when it is unset
     */
    public TokenVault(StateDirectory state, String keyFileSetting, SecretRedactor redactor) {
        this.state = state;
        this.keyFileSetting = keyFileSetting;
        this.redactor = redactor;
    }

    public static TokenVault fromEnvironment(StateDirectory state, Map<String, String> env) {
        return new TokenVault(state, env.get(KEY_FILE_VARIABLE), SecretRedactor.global());
    }

    public boolean hasToken() {
        return state.exists(TOKEN_FILE);
    }

    /** Where the encrypted token is (or would be) kept. */
    public Path tokenFile() {
        return state.path().resolve(TOKEN_FILE);
    }

    /**
     * Encrypts {@code token} and stores it, replacing any stored before.
     *
     * @throws SeedingException {@link Reason#REFUSED_INPUT} for a token {@link #validate} refuses,
     *     {@link Reason#VAULT_UNUSABLE} when the key is not usable, {@link Reason#IO} when it cannot be written
     */
    public void store(String token) throws SeedingException {
        validate(token);
        redactor.register(token);
        try {
            String encrypted = Token.generate(key(), token).serialise();
            state.write(TOKEN_FILE, encrypted.getBytes(StandardCharsets.US_ASCII));
        } finally {
            redactor.unregister(token);
        }
    }

    /**
     * Checks a token before it is stored: {@value #MIN_TOKEN_CHARS} to {@value #MAX_TOKEN_CHARS} characters, none
     * of them a control character or line separator (a newline would inject lines into git's credential
     * protocol).
     *
     * @throws SeedingException ({@link Reason#REFUSED_INPUT}) saying which rule it breaks, never what it is
     */
    public static void validate(String token) throws SeedingException {
        if (token == null || token.isEmpty()) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused the token: it is empty");
        }
        if (token.length() < MIN_TOKEN_CHARS || token.length() > MAX_TOKEN_CHARS) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused the token: it has " + token.length()
                    + " characters; a token has " + MIN_TOKEN_CHARS + " to " + MAX_TOKEN_CHARS);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new SeedingException(Reason.REFUSED_INPUT, "refused the token: it contains a control character "
                        + "or line break (at character " + (i + 1) + "); give the token alone, on one line");
            }
        }
    }

    /**
     * Decrypts the stored token for one use. Close it as soon as git has it.
     *
     * @param username the user name it is sent with, so the redactor knows that Basic form too
     * @throws SeedingException ({@link Reason#VAULT_UNUSABLE}) when no token is stored, the key is not usable, or
     *     the token does not decrypt with it
     */
    ClearToken open(String username) throws SeedingException {
        byte[] stored = state.read(TOKEN_FILE).orElseThrow(() -> new SeedingException(Reason.VAULT_UNUSABLE,
                "no token is stored; store one with 'daalu workspace set-token'"));
        Key key = key();
        String value;
        try {
            value = Token.fromString(new String(stored, StandardCharsets.US_ASCII).strip()).validateAndDecrypt(key, VALIDATOR);
        } catch (IllegalArgumentException | TokenValidationException e) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, "the stored token (" + tokenFile() + ") does not decrypt "
                    + "with the key in " + KEY_FILE_VARIABLE + " (was the key replaced, or the file damaged?); store the "
                    + "token again with 'daalu workspace set-token'");
        }
        return new ClearToken(value, username, redactor);
    }

    private Key key() throws SeedingException {
        if (keyFileSetting == null || keyFileSetting.isBlank()) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, KEY_FILE_VARIABLE + " is not set: point it at the mounted "
                    + "secret file that holds the Fernet key (" + KEY_HINT + ")");
        }
        Path file = Path.of(keyFileSetting);
        String where = KEY_FILE_VARIABLE + " names " + file;
        if (!Files.exists(file)) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, where + ", which does not exist: mount the key there "
                    + "or correct the variable");
        }
        if (!Files.isRegularFile(file)) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, where + ", which is not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.size(file) > MAX_KEY_FILE_BYTES ? new byte[0] : Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, where + ", which this user may not read", e);
        } catch (IOException e) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, where + ", which could not be read: " + e.getMessage(), e);
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(new String(bytes, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        // checked here: the library fails on a short key with an index error; no message may quote the file
        if (key.length != KEY_BYTES) {
            throw new SeedingException(Reason.VAULT_UNUSABLE, where + ", which does not hold a valid Fernet key: "
                    + KEY_HINT);
        }
        return new Key(key);
    }
}
