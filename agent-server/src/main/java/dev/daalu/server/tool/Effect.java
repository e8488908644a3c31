package dev.daalu.server.tool;

/** What running a tool can change. Anything but {@link #READ} runs only after the user approves it. */
public enum Effect {
    /** Reads the workspace; runs without asking (a secret file's read still asks). */
    READ,
    /** Changes files. */
    WRITE,
    /** Runs a command. */
    COMMAND
}
