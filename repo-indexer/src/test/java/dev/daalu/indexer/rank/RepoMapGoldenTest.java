package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Maps of the fixture repositories, diffed against golden files (rank/golden/&lt;name&gt;.expected.txt).
 * To regenerate after an intended change: run with {@code -Ddaalu.updateGoldens=true}, then review the diff.
 */
class RepoMapGoldenTest {

    @ParameterizedTest(name = "{0} at {1} tokens {2}")
    @CsvSource({
        "terraform, 1024, '', terraform",
        "terraform, 256, '', terraform-256",
        "terraform, 256, modules/s3, terraform-focus-s3",
        "helm, 1024, '', helm",
        "helm, 200, '', helm-200",
        "python, 1024, '', python",
        "python, 160, Group, python-focus-group",
        "mixed, 1024, '', mixed",
        "mixed, 300, deploy_service, mixed-focus-deploy",
    })
    void mapMatchesItsGoldenFile(String repo, int tokens, String focus, String golden) throws IOException {
        RepoMapRequest request = focus.isEmpty() ? RepoMapRequest.of(tokens) : RepoMapRequest.of(tokens, focus);
        RepoMap map = new PageRankRepoMapper().map(FixtureRepos.source(repo), request);

        Path expected = FixtureRepos.root("").getParent().resolve("golden/" + golden + ".expected.txt");
        if (Boolean.getBoolean("daalu.updateGoldens")) {
            Path source = Path.of("src/test/resources/dev/daalu/indexer/rank/golden", golden + ".expected.txt");
            Files.createDirectories(source.getParent());
            Files.writeString(source, map.text(), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), map.text());
    }
}
