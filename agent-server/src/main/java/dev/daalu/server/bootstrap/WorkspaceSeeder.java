package dev.daalu.server.bootstrap;

import dev.daalu.server.bootstrap.SeedResult.Outcome;
import dev.daalu.server.bootstrap.SeedingException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Seeds the workspace on first boot: clones the configured HTTPS repository into it with the real git, or
 * leaves it empty; a workspace that already holds files is left untouched.
 *
 * <p>A clone of a private repository gets its token from the {@link TokenVault}, decrypted just before git
 * starts and served to git by a one-answer {@link CredentialHelperServer}, so the token is in no argv,
 * environment, file, config or URL, and is redacted from every message meanwhile. git runs with the user's
 * credential helpers reset, {@code credential.useHttpPath} (so the helper can check the repository path),
 * {@code core.askPass} empty, only the https transport allowed, and the optional CA file as
 * {@code http.sslCAInfo} and {@code GIT_SSL_CAINFO} (which would otherwise override it). The clone is staged ({@link StagingDirectory}) and moved into place only when git
 * succeeded; otherwise nothing is left.
 *
 * <p>Not thread-safe: one seeding at a time per workspace.
 */
public final class WorkspaceSeeder {

    private static final Pattern TOKEN_USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final int ERROR_CHARS = 2000;

    private final GitCli git;
    private final TokenVault vault;
    private final StateDirectory state;
    private final Path tempRoot;
    private final Consumer<String> notices;

    /**
     * @param tempRoot where the credential helper's socket directory is made
     * @param notices receives progress lines for the user ("cloning ..."); called on the seeding thread
     */
    public WorkspaceSeeder(GitCli git, TokenVault vault, StateDirectory state, Path tempRoot, Consumer<String> notices) {
        this.git = git;
        this.vault = vault;
        this.state = state;
        this.tempRoot = tempRoot;
        this.notices = notices;
    }

    /**
     * Seeds {@code request.workspace()} as the class comment says, and records what it seeded for
     * {@code workspace status}.
     *
     * @throws SeedingException {@link Reason#REFUSED_INPUT} for a bad branch, CA file or token user (checked
     *     before anything is touched), otherwise the failure; nothing is left in the workspace after a failure
     */
    public SeedResult seed(SeedRequest request) throws SeedingException {
        Path workspace = request.workspace().toAbsolutePath().normalize();
        checkInputs(request, workspace);
        try {
            StagingDirectory.removeLeftovers(workspace);
            if (!StagingDirectory.isEmpty(workspace)) {
                return new SeedResult(Outcome.LEFT_UNTOUCHED, workspace, Optional.empty());
            }
            if (request.repository().isEmpty()) {
                Files.createDirectories(workspace);
                new SeedRecord(null, null, workspace.toString()).write(state);
                return new SeedResult(Outcome.STARTED_EMPTY, workspace, Optional.empty());
            }
        } catch (IOException e) {
            throw new SeedingException(Reason.IO, "could not prepare the workspace " + workspace + ": " + e.getMessage(), e);
        }
        RepoUrl url = request.repository().get();
        notices.accept("cloning " + url + request.branch().map(b -> " (branch " + b + ")").orElse("") + " into "
                + workspace + (vault.hasToken() ? " with the stored token" : ""));
        String branch = cloneInto(request, url, workspace);
        new SeedRecord(url.url(), branch, workspace.toString()).write(state);
        return new SeedResult(Outcome.CLONED, workspace, Optional.of(branch));
    }

    private void checkInputs(SeedRequest request, Path workspace) throws SeedingException {
        if (Files.exists(workspace) && !Files.isDirectory(workspace)) {
            throw new SeedingException(Reason.REFUSED_INPUT, "the workspace " + workspace + " is a file, not a folder");
        }
        if (!TOKEN_USER.matcher(request.tokenUser()).matches()) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --token-user: use 1 to 64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        Optional<Path> caFile = request.caFile();
        if (caFile.isPresent() && (!Files.isRegularFile(caFile.get()) || !Files.isReadable(caFile.get()))) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --ca-file " + caFile.get()
                    + ": not a readable file");
        }
        if (caFile.isPresent() && caFile.get().toString().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SeedingException(Reason.REFUSED_INPUT, "refused --ca-file: the path contains a control character");
        }
        if (request.repository().isPresent()) {
            git.requireSupportedVersion();
            if (request.branch().isPresent()) {
                git.requireBranchName(request.branch().get());
            }
        }
    }

    /** Clones through a staging directory; returns the branch checked out. */
    private String cloneInto(SeedRequest request, RepoUrl url, Path workspace) throws SeedingException {
        try (StagingDirectory staging = StagingDirectory.create(workspace)) {
            runClone(request, url, staging.path());
            String branch = request.branch().orElseGet(() -> checkedOutBranch(staging.path()));
            staging.commit();
            return branch;
        } catch (IOException e) {
            throw new SeedingException(Reason.IO, "could not place the clone of " + url + " in " + workspace + ": "
                    + e.getMessage(), e);
        }
    }

    private void runClone(SeedRequest request, RepoUrl url, Path into) throws SeedingException {
        List<String> config = new ArrayList<>(List.of(
                "-c", "credential.helper=",
                "-c", "credential.useHttpPath=true",
                "-c", "core.askPass=",
                "-c", "protocol.allow=never",
                "-c", "protocol.https.allow=always"));
        request.caFile().ifPresent(ca -> config.addAll(List.of("-c", "http.sslCAInfo=" + ca.toAbsolutePath())));
        // git lets GIT_SSL_CAINFO (often set machine-wide) override http.sslCAInfo; the explicit CA file must win
        Map<String, String> env = request.caFile()
                .map(ca -> Map.of("GIT_SSL_CAINFO", ca.toAbsolutePath().toString()))
                .orElse(Map.of());
        if (!vault.hasToken()) {
            check(git.run(cloneArgs(config, request, url, into), into, request.timeout(), env), request, url, false);
            return;
        }
        try (ClearToken token = vault.open(request.tokenUser());
                CredentialHelperServer helper = startHelper(url, request.tokenUser(), token)) {
            config.addAll(List.of("-c", "credential.helper=" + helper.helperCommand()));
            // checked here, while the token is registered with the redactor, so git's message is redacted
            check(git.run(cloneArgs(config, request, url, into), into, request.timeout(), env), request, url, true);
        }
    }

    private CredentialHelperServer startHelper(RepoUrl url, String user, ClearToken token) throws SeedingException {
        try {
            return CredentialHelperServer.start(CredentialScope.of(url), user, token, tempRoot);
        } catch (IOException e) {
            throw new SeedingException(Reason.IO, "could not start the credential helper socket under " + tempRoot
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<String> cloneArgs(List<String> config, SeedRequest request, RepoUrl url, Path into) {
        List<String> args = new ArrayList<>(config);
        args.add("clone");
        request.branch().ifPresent(branch -> args.addAll(List.of("--branch", branch)));
        args.addAll(List.of("--", url.url(), into.toString()));
        return args;
    }

    private static void check(GitCli.Result result, SeedRequest request, RepoUrl url, boolean withToken)
            throws SeedingException {
        if (result.succeeded()) {
            return;
        }
        String what = "could not clone " + url + request.branch().map(b -> " (branch " + b + ")").orElse("");
        if (result.timedOut()) {
            throw new SeedingException(Reason.CLONE_FAILED, what + ": git did not finish within "
                    + request.timeout().toSeconds() + " seconds (--timeout-seconds)");
        }
        String output = result.output().strip();
        if (output.length() > ERROR_CHARS) {
            output = "..." + output.substring(output.length() - ERROR_CHARS);
        }
        String hint = withToken
                ? "a token is stored; if authentication failed, store a valid one with 'daalu workspace set-token'"
                : "no token is stored; if the repository is private, store one with 'daalu workspace set-token'";
        throw new SeedingException(Reason.CLONE_FAILED, what + " (git exit " + result.exitCode() + "): " + output
                + "\n(" + hint + ")");
    }

    private String checkedOutBranch(Path repository) {
        try {
            GitCli.Result result = git.run(List.of("symbolic-ref", "--short", "-q", "HEAD"), repository, QUICK);
            return result.succeeded() ? result.output().strip() : "HEAD";
        } catch (SeedingException e) {
            return "HEAD";
        }
    }
}
