package dev.daalu.indexer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The realistic platform-team repository under {@code repos/platform} (Terraform modules and environments,
 * Helm charts, manifests, runbooks, scripts), copied out of the test classpath into a working directory.
 *
 * <p>Its ignore files are stored as {@code gitignore} because Maven's resource copy drops files named
 * {@code .gitignore} (a default exclude), and a real {@code .gitignore} in this tree would also hide the
 * fixture's own {@code .terraform/} and state files from the project's git. {@link #copyTo} renames them.
 */
public final class PlatformRepo {

    private static final String STORED_IGNORE_FILE = "gitignore";

    private PlatformRepo() {
    }

    /** Copies the repository into {@code target} (which must exist), restoring {@code .gitignore} names. */
    public static Path copyTo(Path target) {
        Path source = source();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = source.relativize(file);
                String name = relative.getFileName().toString();
                Path destination = target.resolve(name.equals(STORED_IGNORE_FILE)
                        ? relative.resolveSibling(".gitignore").toString() : relative.toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The repository's files as they are stored, relative to its root, sorted. */
    public static List<String> storedFiles() {
        Path source = source();
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).map(f -> source.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path source() {
        try {
            return Path.of(PlatformRepo.class.getResource("/dev/daalu/indexer/repos/platform").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
