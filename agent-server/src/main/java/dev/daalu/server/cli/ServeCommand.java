package dev.daalu.server.cli;

import dev.daalu.server.log.LogSetup;
import dev.daalu.server.log.SecretRedactor;
import dev.daalu.server.rpc.FrameLimits;
import dev.daalu.server.rpc.RpcHost;
import dev.daalu.server.runtime.WorkspaceOpener;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.logging.Level;

/**
 * {@code daalu serve}: the JSON-RPC agent protocol (LSP framing) for the editor extension, over stdio or loopback
 * TCP. In stdio mode stdout carries frames and nothing else: the real stdout is taken for the transport first, and
 * {@code System.out} is pointed at stderr so that nothing else can print there. Logs go to stderr or a file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the agent's JSON-RPC protocol (LSP framing) to an editor, over stdio or loopback TCP.")
public final class ServeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Transport transport;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:DAALU_LOG_LEVEL:-INFO}",
            description = "ERROR, WARN, INFO (default), DEBUG or TRACE; also DAALU_LOG_LEVEL.")
    String logLevel;

    @Option(names = "--log-file", paramLabel = "FILE", defaultValue = "${env:DAALU_LOG_FILE}",
            description = "Append logs to FILE instead of stderr; also DAALU_LOG_FILE.")
    Path logFile;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES", defaultValue = "" + FrameLimits.DEFAULT_MAX_CONTENT_BYTES,
            description = "Largest message either way (default: ${DEFAULT-VALUE}).")
    long maxMessageBytes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final WorkspaceOpener opener;
    private final SecretRedactor redactor;

    /**
     * @param opener opens the workspace named by {@code initialize}
     * @param redactor removes secrets from logs and errors; the bootstrap code registers its tokens with it
     */
    public ServeCommand(WorkspaceOpener opener, SecretRedactor redactor) {
        this.opener = opener;
        this.redactor = redactor;
    }

    static final class Transport {
        @Option(names = "--stdio", required = true, description = "Talk over stdin and stdout.")
        boolean stdio;

        @Option(names = "--port", required = true, paramLabel = "N",
                description = "Listen on 127.0.0.1:N, one client at a time (0 picks a free port, printed on stderr).")
        Integer port;
    }

    @Override
    public Integer call() throws IOException {
        Level level = level();
        FrameLimits limits = limits();
        if (!transport.stdio && (transport.port < 0 || transport.port > 65535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, not " + transport.port);
        }
        // before anything can print: from here on only frames may reach the real stdout
        OutputStream protocolOut = transport.stdio ? new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)) : null;
        PrintStream stderr = System.err;
        if (transport.stdio) {
            System.setOut(stderr);
        }
        LogSetup.install(level, logFile, stderr, redactor);
        RpcHost host = new RpcHost(opener, limits, redactor, Clock.systemUTC());
        if (transport.stdio) {
            return host.serve(new FileInputStream(FileDescriptor.in), protocolOut);
        }
        try (ServerSocket listener = new ServerSocket(transport.port, 1, InetAddress.getLoopbackAddress())) {
            stderr.println("daalu: listening on 127.0.0.1:" + listener.getLocalPort());
            stderr.flush();
            return host.serveTcp(listener);
        }
    }

    private Level level() {
        try {
            return LogSetup.parseLevel(logLevel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private FrameLimits limits() {
        try {
            return FrameLimits.defaults().withMaxContentBytes(maxMessageBytes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
