package dev.daalu.server.bootstrap;

import dev.daalu.server.log.SecretRedactor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The clone token decrypted, for as long as one clone needs it. While open, it and the forms it takes on the
 * way to the server (base64, {@code Basic ...} of {@code username:token}) are registered with the
 * {@link SecretRedactor}, so no message produced meanwhile can carry them; {@link #close()} unregisters them.
 *
 * <p>Deliberately package-private with a package-private accessor: only the credential helper server reads the
 * value, and nothing hands it out.
 */
final class ClearToken implements AutoCloseable {

    private final String value;
    private final List<String> registered;
    private final SecretRedactor redactor;

    ClearToken(String value, String username, SecretRedactor redactor) {
        this.value = value;
        this.redactor = redactor;
        String basic = Base64.getEncoder().encodeToString((username + ":" + value).getBytes(StandardCharsets.UTF_8));
        // the redactor derives the usual user names' forms itself; this covers any other user name
        this.registered = List.of(value, basic);
        registered.forEach(redactor::register);
    }

    String value() {
        return value;
    }

    @Override
    public void close() {
        registered.forEach(redactor::unregister);
    }

    @Override
    public String toString() {
        return "ClearToken[" + SecretRedactor.MASK + "]";
    }
}
