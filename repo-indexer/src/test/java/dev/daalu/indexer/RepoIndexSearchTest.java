package dev.daalu.indexer;

import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.ToyParser;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.daalu.indexer.testing.TestIndexes.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoIndexSearchTest {

    @TempDir
    Path workspace;
    @TempDir
    Path indexDir;
    private RepoIndex index;

    @BeforeEach
    void indexAFewInfrastructureFiles() throws IOException {
        Workspace.write(workspace, "modules/s3/main.tf", """
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs"
                }
                resource "aws_s3_bucket_policy" "logs" {
                  bucket = aws_s3_bucket.logs.id
                }
                """);
        Workspace.write(workspace, "src/policy.py", """
                def bucket_policy(name):
                    return BucketPolicy(name)

                class BucketPolicy:
                    BUCKET_POLICY = "x"
                """);
        Workspace.write(workspace, "web/app.js", """
                const bucketPolicy = load("bucket-policy");
                function render() {}
                """);
        Workspace.write(workspace, "vendor/lib/policy.go", "func BucketPolicy() {}\n");
        Workspace.write(workspace, "tests/test_policy.py", "from src.policy import bucket_policy\n");
        Workspace.write(workspace, "charts/app/templates/deploy.yaml", "      image: {{ .Values.image.tag }}\r\n");
        index = TestIndexes.open(workspace, indexDir, new ToyParser());
        index.refresh(IndexListener.NONE);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void anIdentifierFindsEveryNamingStyleDefinitionsFirstThenByFileScore() throws IOException {
        SearchResults results = index.search(SearchQuery.of("bucketPolicy"));

        assertEquals(SearchQuery.Mode.IDENTIFIER, results.mode());
        assertEquals(List.of(
                "src/policy.py:1:5:def bucket_policy(name):",
                "src/policy.py:4:7:class BucketPolicy:",
                "src/policy.py:2:12:    return BucketPolicy(name)",
                "src/policy.py:5:5:    BUCKET_POLICY = \"x\"",
                "tests/test_policy.py:1:24:from src.policy import bucket_policy",
                "modules/s3/main.tf:4:18:resource \"aws_s3_bucket_policy\" \"logs\" {",
                "vendor/lib/policy.go:1:6:func BucketPolicy() {}",
                "web/app.js:1:7:const bucketPolicy = load(\"bucket-policy\");"), lines(results));
        assertEquals(8, results.totalMatches());
        assertEquals(5, results.filesMatched());
        assertTrue(results.hits().get(0).definition());
        assertEquals(false, results.truncated());
    }

    @Test
    void theSameQueryInAnotherStyleGivesTheSameLines() throws IOException {
        List<String> camel = lines(index.search(SearchQuery.of("bucketPolicy")));

        assertEquals(camel, lines(index.search(SearchQuery.of("bucket_policy"))));
        assertEquals(camel, lines(index.search(SearchQuery.of("BUCKET-POLICY"))));
    }

    @Test
    void aLiteralIsExactAndCaseSensitive() throws IOException {
        SearchResults results = index.search(SearchQuery.of("aws_s3_bucket.logs").withContextLines(1));

        assertEquals(SearchQuery.Mode.LITERAL, results.mode());
        assertEquals(List.of("modules/s3/main.tf:5:12:  bucket = aws_s3_bucket.logs.id"), lines(results));
        assertEquals(List.of("resource \"aws_s3_bucket_policy\" \"logs\" {"), results.hits().get(0).before());
        assertEquals(List.of("}"), results.hits().get(0).after());
        assertEquals(0, index.search(SearchQuery.of("AWS_S3_BUCKET.logs")).totalMatches());
    }

    @Test
    void aTemplateExpressionIsALiteralAndACarriageReturnIsNotShown() throws IOException {
        SearchResults results = index.search(SearchQuery.of("{{ .Values.image.tag }}"));

        assertEquals(List.of("charts/app/templates/deploy.yaml:1:14:      image: {{ .Values.image.tag }}"), lines(results));
    }

    @Test
    void aRegexMatchesPerLine() throws IOException {
        assertEquals(List.of("modules/s3/main.tf:1:1:resource \"aws_s3_bucket\" \"logs\" {",
                        "modules/s3/main.tf:4:1:resource \"aws_s3_bucket_policy\" \"logs\" {"),
                lines(index.search(SearchQuery.regex("resource \"aws_\\w+\" \"logs\""))));
        assertEquals(List.of("modules/s3/main.tf:2:1:  bucket = \"logs\"", "modules/s3/main.tf:5:1:  bucket = aws_s3_bucket.logs.id"),
                lines(index.search(SearchQuery.regex("^\\s+bucket\\s*="))));
    }

    @Test
    void aGlobNarrowsThePathsSearched() throws IOException {
        assertEquals(5, index.search(SearchQuery.of("bucketPolicy").withGlob("*.py")).totalMatches());
        assertEquals(List.of("modules/s3/main.tf:4:18:resource \"aws_s3_bucket_policy\" \"logs\" {"),
                lines(index.search(SearchQuery.of("bucketPolicy").withGlob("modules/**"))));
        assertEquals(0, index.search(SearchQuery.of("bucketPolicy").withGlob("*.md")).totalMatches());
    }

    @Test
    void aMalformedRegexOrGlobFailsWithAReasonInsteadOfThrowing() throws IOException {
        SearchResults regex = index.search(SearchQuery.regex("resource ("));
        SearchResults glob = index.search(SearchQuery.of("bucket").withGlob("["));

        assertTrue(regex.error().contains("Unclosed group near index 10"), regex.error());
        assertTrue(regex.hits().isEmpty());
        assertTrue(glob.error().startsWith("Invalid glob"), glob.error());
    }

    @Test
    void theTotalIsExactWhenHitsAreCapped() throws IOException {
        SearchResults results = index.search(SearchQuery.of("bucketPolicy").withMaxResults(2));

        assertEquals(2, results.hits().size());
        assertEquals(8, results.totalMatches());
        assertEquals(5, results.filesMatched());
        assertTrue(results.truncated());
        assertNull(results.error());
    }

    @Test
    void aVeryLongLineIsCutAroundTheMatch() throws IOException {
        Workspace.write(workspace, "dist/long.txt", "x".repeat(1500) + "NEEDLE" + "y".repeat(1500) + "\n");
        index.update(List.of(Path.of("dist/long.txt")));

        SearchResults.SearchHit hit = index.search(SearchQuery.of("NEEDLE")).hits().get(0);

        assertEquals(1501, hit.column());
        assertTrue(hit.text().length() <= 302, hit.text());
        assertTrue(hit.text().startsWith("…x") && hit.text().endsWith("y…") && hit.text().contains("NEEDLE"), hit.text());
    }

    @Test
    void aLongFileIsSearchedInChunksYetReportsItsOwnLineNumbers() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 30_000; i++) {
            text.append("line ").append(i).append(i % 7_000 == 0 ? " chunk_marker" : "").append('\n');
        }
        text.append("x".repeat(300_000)).append(" after_a_long_line\n");
        Workspace.write(workspace, "big/generated.txt", text.toString());
        index.update(List.of(Path.of("big/generated.txt")));

        SearchResults markers = index.search(SearchQuery.of("chunk_marker").withContextLines(1));
        assertEquals(List.of("big/generated.txt:7000:11:line 7000 chunk_marker", "big/generated.txt:14000:12:line 14000 chunk_marker",
                "big/generated.txt:21000:12:line 21000 chunk_marker", "big/generated.txt:28000:12:line 28000 chunk_marker"),
                lines(markers));
        assertEquals(1, markers.filesMatched());
        assertEquals(List.of("line 6999"), markers.hits().get(0).before());
        assertEquals(1, index.search(SearchQuery.of("after_a_long_line")).totalMatches());
        assertEquals(30_001, index.search(SearchQuery.regex("^(line|x)").withGlob("big/**")).totalMatches());
        assertTrue(index.search(SearchQuery.of("line 29999")).candidateFiles() < 4, "only some chunks are verified");
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        Workspace.write(workspace, "docs/runbook.md", "Ünïcödé 👋 then target\n");
        index.update(List.of(Path.of("docs/runbook.md")));

        assertEquals(List.of("docs/runbook.md:1:16:Ünïcödé 👋 then target"),
                lines(index.search(SearchQuery.of("target").withGlob("*.md"))));
    }
}
