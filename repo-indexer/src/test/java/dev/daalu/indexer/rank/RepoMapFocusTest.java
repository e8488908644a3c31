package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoMapFocusTest {

    private final PageRankRepoMapper mapper = new PageRankRepoMapper();

    @Test
    void focusingAFileBringsItAndTheFilesItUsesToTheTop() throws Exception {
        RepoMap map = mapper.map(FixtureRepos.source("mixed"), RepoMapRequest.of(512, "web/src/checkout.ts"));

        assertEquals(List.of("web/src/checkout.ts", "web/src/cart.ts"), paths(map).subList(0, 2));
    }

    @Test
    void focusingAFileBringsUpTheFilesThatUseIt() throws Exception {
        RepoMap unfocused = mapper.map(FixtureRepos.source("mixed"), RepoMapRequest.of(512));
        RepoMap map = mapper.map(FixtureRepos.source("mixed"), RepoMapRequest.of(512, "./scripts/deploy.sh"));

        assertEquals("scripts/deploy.sh", paths(map).getFirst());
        assertTrue(paths(map).indexOf("runbooks/deploy.md") < paths(unfocused).indexOf("runbooks/deploy.md"),
                "the runbook naming deploy_service rises: " + paths(map));
        assertTrue(paths(map).subList(0, 3).contains("scripts/rollback.sh"), paths(map).toString());
    }

    @Test
    void focusingAnIdentifierPutsItsDefinitionFirst() throws Exception {
        RepoMap map = mapper.map(FixtureRepos.source("terraform"), RepoMapRequest.of(128, "aws_s3_bucket.logs"));

        RepoMap.MapFile first = map.files().getFirst();
        assertEquals("modules/s3/main.tf", first.path());
        assertTrue(first.definitions().stream().anyMatch(d -> d.name().equals("aws_s3_bucket.logs")));
        assertTrue(paths(map).contains("modules/s3/outputs.tf"), "its referencing file follows: " + paths(map));
    }

    @Test
    void aShortIdentifierMatchesTheLastSegmentOfAName() throws Exception {
        RepoMap map = mapper.map(FixtureRepos.source("mixed"), RepoMapRequest.of(256, "shop-config"));

        assertEquals("k8s/configmap.yaml", paths(map).getFirst());
    }

    @Test
    void focusingADirectoryBringsItsFilesFirst() throws Exception {
        RepoMap map = mapper.map(FixtureRepos.source("terraform"), RepoMapRequest.of(512, "modules/network/"));

        assertTrue(paths(map).subList(0, 3).stream().allMatch(p -> p.startsWith("modules/network/")), paths(map).toString());
    }

    @Test
    void focusThatMatchesNothingLeavesTheMapAsIfUnfocused() throws Exception {
        InMemorySymbolSource source = FixtureRepos.source("python");
        RepoMap unfocused = mapper.map(source, RepoMapRequest.of(512));

        assertEquals(unfocused.text(), mapper.map(source, RepoMapRequest.of(512, "no/such/file.py", "  ")).text());
        assertNotEquals(unfocused.text(), mapper.map(source, RepoMapRequest.of(512, "tests/test_hosts.py")).text());
    }

    private static List<String> paths(RepoMap map) {
        return map.files().stream().map(RepoMap.MapFile::path).toList();
    }
}
