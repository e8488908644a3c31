package dev.daalu.server.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link WorkspaceSeeder#seed} did.
 *
 * @param workspace the workspace folder, absolute
 * @param branch the branch checked out, when it cloned
 */
public record SeedResult(Outcome outcome, Path workspace, Optional<String> branch) {

    public enum Outcome {
        /** The repository was cloned into the (previously missing or empty) workspace. */
        CLONED,
        /** No repository was given; the workspace exists and is empty. */
        STARTED_EMPTY,
        /** The workspace already held files, so nothing was done (seeding happens on first boot only). */
        LEFT_UNTOUCHED
    }
}
