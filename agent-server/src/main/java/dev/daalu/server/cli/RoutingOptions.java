package dev.daalu.server.cli;

import dev.daalu.server.config.ConfigException;
import dev.daalu.server.config.ConfigLoader;
import dev.daalu.server.config.DaaluConfig;
import dev.daalu.server.routing.ModelCatalog;
import dev.daalu.server.routing.RoutingSetup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The options that choose a workspace and override its model configuration, shared by commands that route. */
final class RoutingOptions {

    @Option(names = "--dir", description = "Workspace directory (default: the current directory)")
    Path dir;

    @Option(names = "--endpoint", description = "Your model server's base URL (e.g. http://127.0.0.1:8000/v1)")
    String endpoint;

    @Option(names = "--model", description = "Catalog model id or served name")
    String model;

    Path workspace() {
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }

    ConfigLoader.Overrides overrides() {
        return new ConfigLoader.Overrides(endpoint, model, null, null);
    }

    /** @throws IOException with the configuration's own message when it is malformed */
    RoutingSetup routing() throws IOException {
        try {
            DaaluConfig config = new ConfigLoader(System.getenv()).load(workspace(), overrides());
            return RoutingSetup.of(config, ModelCatalog.bundled());
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
