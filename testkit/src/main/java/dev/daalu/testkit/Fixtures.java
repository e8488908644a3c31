package dev.daalu.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded model-server responses bundled with the testkit, by name relative to the bundle:
 * {@code model-servers/<server>/<file>} (vLLM, llama.cpp, Ollama and quirk recordings, described in
 * {@code model-servers/README.md}) and {@code cases/<file>} (the hard inputs B01 to B10).
 *
 * <p>Files are byte-exact copies of the recordings: {@link #bytes} is what a server sent.
 */
public final class Fixtures {

    private static final String ROOT = "/dev/daalu/testkit/";

    private Fixtures() {
    }

    /** The file's bytes. @throws IllegalArgumentException when there is no such fixture */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture '" + name + "' in the testkit. Names look like "
                        + "'model-servers/vllm/stream-text.sse' or 'cases/B01-ollama-no-index.sse'; see " + names("model-servers/vllm"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + name, e);
        }
    }

    /** The file as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The content type the recorded server sent with this file, from its extension. */
    public static String contentType(String name) {
        if (name.endsWith(".sse")) {
            return "text/event-stream";
        }
        if (name.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/json";
    }

    /** The fixture names in {@code folder} (e.g. {@code model-servers/vllm}), sorted; empty if there is none. */
    public static List<String> names(String folder) {
        URL url = Fixtures.class.getResource(ROOT + folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                openJar(uri);
            }
            return list(Path.of(uri), folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list the fixtures in " + folder, e);
        }
    }

    private static List<String> list(Path directory, String folder) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder + "/" + file.getFileName())
                    .sorted()
                    .toList();
        }
    }

    /** Paths inside a jar resolve only once its file system is open; it stays open, as the class loader's does. */
    private static void openJar(URI uri) throws IOException {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // opened by an earlier call
        }
    }
}
