package dev.daalu.indexer.lucene;

import dev.daalu.indexer.scan.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a workspace's index lives: {@code $XDG_CACHE_HOME/daalu/index/<name>-<hash>} (XDG_CACHE_HOME
 * defaulting to {@code ~/.cache}), where {@code name} is the workspace directory's name and {@code hash}
 * the first 12 hex digits of the SHA-256 of its real path. Never inside the workspace.
 */
public final class IndexLocation {

    private IndexLocation() {
    }

    /**
     * @param environment the process environment (XDG_CACHE_HOME; a relative value is ignored, as the XDG
     *     specification says)
     * @param home the user's home directory
     */
    public static Path defaultFor(Path realRoot, Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        String name = realRoot.getFileName() == null ? "root" : realRoot.getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] path = realRoot.toString().getBytes(StandardCharsets.UTF_8);
        String hash = Fingerprint.contentHash(path, path.length).substring(0, 12);
        return cache.resolve("daalu").resolve("index").resolve(name + "-" + hash);
    }

    /**
     * @throws IOException when {@code indexDir} lies inside the workspace, where it would show in
     *     {@code git status} and be indexed itself
     */
    public static void requireOutside(Path indexDir, Path realRoot) throws IOException {
        Path absolute = indexDir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real = existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
        if (real.startsWith(realRoot)) {
            throw new IOException("The index directory " + indexDir + " lies inside the workspace " + realRoot
                    + "; choose one outside it (the default is under ~/.cache/daalu/index)");
        }
    }
}
