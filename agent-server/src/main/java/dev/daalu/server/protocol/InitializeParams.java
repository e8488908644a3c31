package dev.daalu.server.protocol;

/**
 * {@code initialize} params.
 *
 * @param workspaceRoot absolute path of the workspace folder (a {@code file://} URI is accepted too)
 * @param clientInfo who is asking; may be null
 */
public record InitializeParams(String workspaceRoot, ClientInfo clientInfo) {

    /** The client's name and version, for logs. */
    public record ClientInfo(String name, String version) { }
}
