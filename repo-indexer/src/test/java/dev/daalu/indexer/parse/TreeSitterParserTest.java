package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeSitterParserTest {

    private final TreeSitterParser parser = new TreeSitterParser(IndexConfig.defaults());

    @Test
    void aFileWithoutAGrammarHasNoTagsAndIsNotSkipped() {
        assertEquals(FileTags.none(), parser.parse("notes.txt", "def looks_like_python(): pass\n"));
        assertEquals(FileTags.none(), parser.parse("Makefile", "all:\n\tcc -o app app.c\n"));
        assertTrue(parser.languageFor("notes.txt").isEmpty());
    }

    @Test
    void aScriptWithoutExtensionIsTaggedByItsShebang() {
        FileTags tags = parser.parse("bin/deploy", "#!/usr/bin/env bash\nrollout() {\n  kubectl rollout status\n}\n");

        assertEquals("bash", tags.language());
        assertEquals(List.of("rollout@2"), definitions(tags));
    }

    @Test
    void utf16PythonDecodedByTheCallerDefinesGreetAndGreeter() throws IOException {
        byte[] bytes = resource("cases/B17-utf16le-bom.py");
        String text = new String(bytes, StandardCharsets.UTF_16);

        FileTags tags = parser.parse("B17-utf16le-bom.py", text);

        assertTrue(definitions(tags).stream().anyMatch(d -> d.startsWith("greet@")), definitions(tags).toString());
        assertTrue(definitions(tags).stream().anyMatch(d -> d.startsWith("Greeter@")), definitions(tags).toString());
    }

    @Test
    void aByteOrderMarkLeftByTheDecoderIsNotPartOfTheFirstSymbol() throws IOException {
        String text = new String(resource("cases/B17-utf8-bom.java"), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));

        FileTags tags = parser.parse("B17-utf8-bom.java", text);

        assertEquals("BomFirst@1", definitions(tags).getFirst());
    }

    @Test
    void invalidUtf8DecodedWithReplacementsStillReportsLegacyFnOnLine2() throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(resource("cases/B17-invalid-utf8.js"))).toString();

        FileTags tags = parser.parse("B17-invalid-utf8.js", text);

        assertEquals(List.of("legacyFn@2"), definitions(tags));
    }

    @Test
    void linesCountRightAfterMultiByteCharacters() {
        String text = "# Überblick 👋 日本語\n\n## Zweite Überschrift ✓\n\ntext\n\n### 三番目\n";

        FileTags tags = parser.parse("runbook.md", text);

        assertEquals(List.of("Überblick 👋 日本語@1", "Zweite Überschrift ✓@3", "三番目@7"), definitions(tags));
    }

    @Test
    void guardsSkipTooLargeMinifiedAndDeeplyNestedText() {
        IndexConfig small = new IndexConfig(null, 1000, 200, 50, 2000, false, List.of(), true, 1);
        TreeSitterParser guarded = new TreeSitterParser(small);

        assertEquals(FileTags.skipped("javascript", "too large"), guarded.parse("a.js", "let a = 1;\n".repeat(100)));
        assertEquals(FileTags.skipped("javascript", "minified"), guarded.parse("b.js", "var x=1;".repeat(30)));
        assertEquals(FileTags.skipped("javascript", "nesting too deep"), guarded.parse("c.js", "(".repeat(60) + "1"));
        assertNull(guarded.parse("d.js", "function ok() {}\n").skippedReason());
    }

    @Test
    void theUtf8SizeCountsNotTheCharacterCount() {
        IndexConfig small = new IndexConfig(null, 1000, 4096, 100, 2000, false, List.of(), true, 1);

        FileTags tags = new TreeSitterParser(small).parse("a.md", "# " + "é".repeat(600));

        assertEquals("too large", tags.skippedReason());
    }

    @Test
    void aParseThatRunsPastItsTimeoutIsAbandonedAndTheNextFileParses() {
        IndexConfig strict = new IndexConfig(null, 64L << 20, 1 << 20, 1 << 20, 1, false, List.of(), true, 1);
        TreeSitterParser hurried = new TreeSitterParser(strict);
        String big = "function f(a) { return [a, {b: a + 1}, (a) => a * 2]; }\n".repeat(200_000);

        assertEquals(FileTags.skipped("javascript", "parse timed out"), hurried.parse("big.js", big));
        assertEquals(List.of("g@1"), definitions(hurried.parse("small.js", "function g() {}\n")));
    }

    @Test
    void pathologicalFilesComeBackSkippedOrParsedAndNeverCrash(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("gen.sh");
        Files.write(script, resource("cases/B19-pathological-files.gen.sh"));
        Process process = new ProcessBuilder("sh", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("gen.log").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0, Files.readString(dir.resolve("gen.log")));

        for (String name : List.of("deep_nesting.js", "unbalanced_parens.rs", "bundle.min.js")) {
            String text = Files.readString(dir.resolve(name));
            FileTags guarded = parser.parse(name, text);
            assertTrue(guarded.skippedReason() != null || guarded.language() == null, name + ": " + guarded);
            // the same text under a parsed language, with the guards off: the parser itself must survive it
            IndexConfig unguarded = new IndexConfig(null, 64L << 20, 64 << 20, 1 << 24, 2000, false, List.of(), true, 1);
            FileTags raw = new TreeSitterParser(unguarded).parse(name.replace(".rs", ".js"), text);
            assertEquals("javascript", raw.language(), name);
        }
        assertEquals("nesting too deep", parser.parse("deep_nesting.js", Files.readString(dir.resolve("deep_nesting.js"))).skippedReason());
        assertEquals("too large", parser.parse("bundle.min.js", Files.readString(dir.resolve("bundle.min.js"))).skippedReason());
    }

    @Test
    void scannersWithDeepStateNeitherOverflowNorAbortTheJvm() {
        // inputs on which grammar scanners serialise more than tree-sitter's 1 KiB of state (they used to abort)
        IndexConfig unguarded = new IndexConfig(null, 8L << 20, 1 << 20, 1 << 24, 20_000, false, List.of(), true, 1);
        TreeSitterParser raw = new TreeSitterParser(unguarded);
        StringBuilder lists = new StringBuilder();
        StringBuilder sequences = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            lists.append("  ".repeat(i)).append("- item\n");
            sequences.append("  ".repeat(i)).append("- \n");
        }
        List<String> markdown = List.of(">".repeat(4000) + " quote\n", "[".repeat(3000) + "\n", "*a ".repeat(3000) + "\n",
                "`".repeat(3000) + "\n", lists.toString());
        for (String text : markdown) {
            assertEquals("markdown", raw.parse("deep.md", text).language());
        }
        assertEquals("yaml", raw.parse("deep.yaml", sequences.toString()).language());
        assertEquals("yaml", raw.parse("deep.yaml", "k: " + "{a: ".repeat(900) + "1" + "}".repeat(900) + "\n").language());
        assertEquals(List.of("after@1"), definitions(raw.parse("after.md", "# after\n")));
    }

    @Test
    void parsesOnAnyThreadAndOnAParsePool() throws Exception {
        String source = "class Pool:\n    def run(self):\n        pass\n";
        assertFalse(ParseThreads.isParseThread());
        assertEquals(List.of("Pool@1", "run@2"), definitions(parser.parse("a.py", source)));

        ExecutorService pool = ParseThreads.newFixedPool(2, "test-parse");
        try {
            Future<Boolean> onPool = pool.submit(ParseThreads::isParseThread);
            Future<FileTags> parsed = pool.submit(() -> parser.parse("a.py", source));
            assertTrue(onPool.get(1, TimeUnit.MINUTES));
            assertEquals(List.of("Pool@1", "run@2"), definitions(parsed.get(1, TimeUnit.MINUTES)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyRegisteredLanguageLoadsItsGrammarAndQuery() {
        LanguageRegistry registry = LanguageRegistry.standard();
        for (String language : registry.languages()) {
            LanguageRegistry.Entry entry = registry.entry(language).orElseThrow();
            assertTrue(entry.grammar() != 0, language);
            assertTrue(entry.tagger() != null, language);
        }
    }

    private static List<String> definitions(FileTags tags) {
        return tags.tags().stream().filter(Tag::isDefinition).map(t -> t.name() + "@" + t.line())
                .collect(Collectors.toList());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TreeSitterParserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMethodCalledOnAnObjectIsAMemberReferenceOnlyAndAPlainCallACallOnly() {
        FileTags java = parser.parse("A.java", "class A {\n  void f(String s) {\n    s.isEmpty();\n    helper();\n  }\n}\n");
        FileTags python = parser.parse("a.py", "def f(xs):\n    xs.append(1)\n    helper()\n");

        for (FileTags tags : List.of(java, python)) {
            List<String> references = tags.tags().stream().filter(t -> !t.isDefinition())
                    .map(t -> t.name() + ":" + t.kind()).sorted().toList();
            assertTrue(references.contains("helper:call"), references.toString());
            assertTrue(references.stream().noneMatch(r -> r.equals("isEmpty:call") || r.equals("append:call")),
                    "a call on an object is no plain call: " + references);
        }
    }
}
