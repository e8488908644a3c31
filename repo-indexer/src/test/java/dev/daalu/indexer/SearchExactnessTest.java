package dev.daalu.indexer;

import dev.daalu.indexer.scan.TextDecoder;
import dev.daalu.indexer.search.IdentifierPattern;
import dev.daalu.indexer.search.LineMatcher;
import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Literal, identifier and regex searches return exactly the lines a brute-force scan of every file finds,
 * and the totals {@code rg -c} finds (the benchmark's baseline), on a generated corpus with every naming
 * style, CRLF lines, files without a final newline, a UTF-8 BOM, non-ASCII text and very long lines.
 *
 * <p>Needs ripgrep ({@code apt-get install ripgrep}); the rg comparison fails, saying so, when it is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchExactnessTest {

    private static final String[] TOKENS = {"bucketPolicy", "bucket_policy", "BucketPolicy", "BUCKET_POLICY",
            "bucket-policy", "bucketpolicy", "s3Bucket", "S3_BUCKET", "HTTPServer", "http_server", "getValue",
            "targetValue", "get_value", "value", "get", "return", "def", "func", "resource", "\"logs\"", "{", "}", "(",
            ")", "=", ":", ".", ",", "1234", "42", "é", "café", "Ünïcödé", "😀", "\t", "  ", "x", "ab", "K", "\u212A"};
    private static final List<String> LITERALS = List.of("bucket_policy", "Policy", "value", "get", "{", "é", "😀",
            "a b", "x", "Value(", "\"logs\"", "ab", "targetValue", "return get", "café", "not-in-corpus");
    private static final List<String> REGEXES = List.of("bucket[_-]?policy", "^\\s+return", "\\d{3,}",
            "[A-Z]{2,}_[A-Z]+", "get(Value|_value)", "(?i)http[_-]?server", "\\bvalue\\b", "é+", "Policy$", "^$",
            "\\w+\\(\\)", "s3.Bucket", "(?i)k", "^[^a-z]*$", "\\s{2,}\\S", "(def|func) \\w+");
    private static final List<String> IDENTIFIERS = List.of("bucketPolicy", "HTTPServer", "s3Bucket", "getValue",
            "value", "BUCKET_POLICY");

    private Path corpus;
    private RepoIndex index;

    @BeforeAll
    void generateAndIndexTheCorpus(@TempDir Path corpusDir, @TempDir Path indexDir) throws IOException {
        corpus = corpusDir;
        Random random = new Random(42);
        for (int f = 0; f < 160; f++) {
            String dir = List.of("", "modules/", "src/app/", ".hidden/", "charts/x/templates/").get(f % 5);
            StringBuilder text = new StringBuilder(f % 17 == 0 ? "\uFEFF" : "");
            // file 5 is long enough to be indexed in several chunks
            int lines = f == 5 ? 9000 : random.nextInt(80);
            for (int l = 0; l < lines; l++) {
                int words = random.nextInt(f % 23 == 0 && l == 3 ? 2000 : 9);
                for (int w = 0; w < words; w++) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                    if (random.nextInt(3) > 0) {
                        text.append(' ');
                    }
                }
                text.append(random.nextInt(9) == 0 ? "\r\n" : "\n");
            }
            if (f % 7 == 0 && !text.isEmpty()) {
                text.setLength(text.length() - 1);
            }
            Workspace.write(corpus, dir + "file" + f + List.of(".py", ".tf", ".js", ".yaml", ".md").get(f % 5), text.toString());
        }
        index = TestIndexes.open(corpus, indexDir, new ToyParser());
        index.refresh(IndexListener.NONE);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    // Identifier-shaped texts among LITERALS run as identifier searches, as SearchQuery.mode() decides
    private static List<SearchQuery> queries() {
        List<SearchQuery> queries = new ArrayList<>();
        LITERALS.forEach(text -> queries.add(SearchQuery.of(text)));
        REGEXES.forEach(text -> queries.add(SearchQuery.regex(text)));
        IDENTIFIERS.forEach(text -> queries.add(SearchQuery.of(text)));
        return queries;
    }

    @Test
    void everyModeReturnsExactlyTheLinesABruteForceScanFinds() throws IOException {
        for (SearchQuery query : queries()) {
            Pattern pattern = bruteForcePattern(query);
            Set<String> expected = new TreeSet<>();
            Set<String> expectedFiles = new TreeSet<>();
            for (Path file : files()) {
                String path = corpus.relativize(file).toString();
                byte[] bytes = Files.readAllBytes(file);
                List<String> lines = lines(TextDecoder.decode(bytes, bytes.length));
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        expected.add(path + ":" + (i + 1));
                        expectedFiles.add(path);
                    }
                }
            }
            SearchResults results = index.search(query.withMaxResults(SearchQuery.MAX_RESULTS_LIMIT).withContextLines(0));
            String label = query.mode() + " " + query.text();

            assertEquals(expected.size(), results.totalMatches(), label);
            assertEquals(expectedFiles.size(), results.filesMatched(), label);
            if (expected.size() <= SearchQuery.MAX_RESULTS_LIMIT) {
                Set<String> actual = new TreeSet<>();
                results.hits().forEach(h -> actual.add(h.path() + ":" + h.line()));
                assertEquals(expected, actual, label);
            }
        }
    }

    @Test
    void totalsEqualRipgrepCountsOnTheSameFiles() throws IOException {
        assertTrue(ripgrepInstalled(), "this test compares with ripgrep: install it (apt-get install ripgrep)");
        for (SearchQuery query : queries()) {
            long expected = switch (query.mode()) {
                case LITERAL -> rgCount("-F", query.text());
                case IDENTIFIER -> rgCount("-e", IdentifierPattern.of(query.text()).rgRegex());
                case REGEX -> rgCount("-e", query.text());
            };
            assertEquals(expected, index.search(query).totalMatches(), query.mode() + " " + query.text());
        }
    }

    @Test
    void theIndexVerifiesFewerFilesThanItHoldsForASelectiveQuery() throws IOException {
        SearchResults results = index.search(SearchQuery.of("not-in-corpus"));

        assertEquals(0, results.candidateFiles());
        assertTrue(index.search(SearchQuery.of("targetValue")).candidateFiles() < 160);
    }

    private static Pattern bruteForcePattern(SearchQuery query) {
        return switch (query.mode()) {
            case LITERAL -> Pattern.compile(Pattern.quote(query.text()));
            case IDENTIFIER -> IdentifierPattern.of(query.text()).compile(LineMatcher.REGEX_FLAGS);
            case REGEX -> Pattern.compile(query.text(), LineMatcher.REGEX_FLAGS);
        };
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(corpus)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.isEmpty() || text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static boolean ripgrepInstalled() {
        try {
            Process process = new ProcessBuilder("rg", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // rg -c summed: matching lines per file, every file (hidden ones too, no ignore files, no config)
    private long rgCount(String flag, String pattern) throws IOException {
        Process process = new ProcessBuilder("rg", "--no-config", "--hidden", "--no-ignore", "-c", flag, pattern, ".")
                .directory(corpus.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(process.exitValue() <= 1, "rg failed on " + pattern + ": " + out);
        long total = 0;
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                total += Long.parseLong(line.substring(line.lastIndexOf(':') + 1).strip());
            }
        }
        return total;
    }
}
