package dev.daalu.indexer.rank;

import dev.daalu.indexer.IndexConfig;
import dev.daalu.indexer.parse.TreeSitterParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture repositories under rank/repos, parsed as the index would (vendor/ kept out of the graph). */
final class FixtureRepos {

    private static final TreeSitterParser PARSER = new TreeSitterParser(IndexConfig.defaults());

    private FixtureRepos() {
    }

    static Path root(String repo) {
        try {
            return Path.of(FixtureRepos.class.getResource("repos/" + repo).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static InMemorySymbolSource source(String repo) {
        return new InMemorySymbolSource(files(repo), 1);
    }

    static List<FileSymbols> files(String repo) {
        Path root = root(repo);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().map(file -> {
                String path = root.relativize(file).toString().replace('\\', '/');
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    return new FileSymbols(path, PARSER.parse(path, text), !path.startsWith("vendor/"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
