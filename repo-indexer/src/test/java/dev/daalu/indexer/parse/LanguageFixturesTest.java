package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fixture per language (fixtures/&lt;file&gt;), with its expected tags beside it (&lt;file&gt;.tags):
 * {@code def <kind> <line> <name>} lines list every definition in order, {@code ref} lines references that
 * must be among those found.
 */
class LanguageFixturesTest {

    private static final TreeSitterParser PARSER = new TreeSitterParser(IndexConfig.defaults());

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(LanguageFixturesTest.class.getResource("fixtures").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.toString().endsWith(".tags")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureYieldsItsExpectedDefinitionsAndReferences(Path fixture) throws IOException {
        FileTags tags = PARSER.parse(fixture.getFileName().toString(), Files.readString(fixture, StandardCharsets.UTF_8));
        List<String> expected = Files.readAllLines(Path.of(fixture + ".tags"));

        assertNull(tags.skippedReason());
        List<String> definitions = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (Tag tag : tags.tags()) {
            String line = tag.kind() + " " + tag.line() + " " + tag.name();
            (tag.isDefinition() ? definitions : references).add(line);
            if (tag.isDefinition()) {
                assertTrue(!tag.signature().isBlank(), "a definition shows its line: " + tag);
            }
        }
        assertEquals(expected.getFirst().substring(2, expected.getFirst().indexOf(':')), tags.language());
        assertEquals(select(expected, "def "), definitions);
        for (String reference : select(expected, "ref ")) {
            assertTrue(references.contains(reference), "missing reference " + reference + " in " + references);
        }
    }

    private static List<String> select(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
