package dev.daalu.server.workspace;

/**
 * How a command ended.
 *
 * @param exitCode the exit code, or -1 when it was killed for a timeout or a cancel
 * @param output stdout and stderr, interleaved in arrival order, capped (head and tail kept)
 * @param bytesCut how many bytes of output were cut from the middle (0 when none)
 * @param timedOut whether the timeout killed it
 * @param cancelled whether a cancel killed it
 * @param millis wall time
 */
public record CommandResult(int exitCode, String output, long bytesCut, boolean timedOut, boolean cancelled, long millis) {
}
