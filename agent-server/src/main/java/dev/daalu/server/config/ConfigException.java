package dev.daalu.server.config;

/** A configuration value that is malformed; the message names the source and the field. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
