package dev.daalu.server.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to seed the workspace with.
 *
 * @param workspace the workspace folder (need not exist)
 * @param repository the repository to clone, or empty for a workspace that starts empty
 * @param branch the branch to check out, or empty for the remote's default branch
 * @param caFile a PEM file of the CA certificates to trust instead of the system's (a self-hosted server with
 *     a private CA), or empty
 * @param tokenUser the user name sent with the token (servers check only the token; GitHub documents
 *     {@value #DEFAULT_TOKEN_USER}, GitLab {@code oauth2})
 * @param timeout how long the clone may take
 */
public record SeedRequest(Path workspace, Optional<RepoUrl> repository, Optional<String> branch,
        Optional<Path> caFile, String tokenUser, Duration timeout) {

    public static final String DEFAULT_TOKEN_USER = "x-access-token";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public SeedRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(tokenUser, "tokenUser");
        Objects.requireNonNull(timeout, "timeout");
        if (branch.isPresent() && repository.isEmpty()) {
            throw new IllegalArgumentException("a branch needs a repository");
        }
    }

    /** A workspace that starts empty. */
    public static SeedRequest empty(Path workspace) {
        return new SeedRequest(workspace, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_TOKEN_USER,
                DEFAULT_TIMEOUT);
    }
}
