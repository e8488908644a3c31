package dev.daalu.server.bootstrap;

import dev.daalu.server.log.SecretRedactor;

/**
 * Why seeding the workspace (or storing its token) did not happen. The message is for the user: it says what
 * was wrong and how to fix it, and has already been through {@link SecretRedactor}, so it may be printed or
 * logged as is. Callers branch on {@link #reason()}, never on the text.
 */
public final class SeedingException extends Exception {

    /** What kind of problem it was; {@link #REFUSED_INPUT} is the user's input, the others are failures. */
    public enum Reason {
        /** An argument or the token was refused before anything ran (a command line maps this to exit 2). */
        REFUSED_INPUT,
        /** git is missing, too old, or could not be run. */
        GIT_UNUSABLE,
        /** The Fernet key file is unset, missing, unreadable or invalid, or the stored token cannot be read. */
        VAULT_UNUSABLE,
        /** git ran and the clone failed (network, authentication, missing branch...). */
        CLONE_FAILED,
        /** A local file or directory could not be read or written. */
        IO
    }

    private final Reason reason;

    public SeedingException(Reason reason, String message) {
        super(SecretRedactor.global().redact(message));
        this.reason = reason;
    }

    public SeedingException(Reason reason, String message, Throwable cause) {
        super(SecretRedactor.global().redact(message), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
