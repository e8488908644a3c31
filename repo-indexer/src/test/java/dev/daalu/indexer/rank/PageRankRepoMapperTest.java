package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageRankRepoMapperTest {

    @Test
    void aSecondMapOfAnUnchangedRepositoryReadsNothingAndBuildsNoGraph() throws Exception {
        InMemorySymbolSource source = FixtureRepos.source("terraform");
        PageRankRepoMapper mapper = new PageRankRepoMapper();

        RepoMap first = mapper.map(source, RepoMapRequest.of(512));
        RepoMap second = mapper.map(source, RepoMapRequest.of(512));
        mapper.map(source, RepoMapRequest.of(2048, "main.tf"));

        assertEquals(1, source.reads());
        assertEquals(first, second);
    }

    @Test
    void aNewGenerationIsReadAgain() throws Exception {
        List<FileSymbols> files = FixtureRepos.files("python");
        PageRankRepoMapper mapper = new PageRankRepoMapper();
        InMemorySymbolSource before = new InMemorySymbolSource(files, 1);
        InMemorySymbolSource after = new InMemorySymbolSource(files.subList(0, 2), 2);

        mapper.map(before, RepoMapRequest.of(512));
        RepoMap map = mapper.map(after, RepoMapRequest.of(512));

        assertEquals(1, after.reads());
        assertEquals(2, map.filesRanked());
    }

    @Test
    void theSameInputGivesTheSameMap() throws Exception {
        for (String repo : List.of("terraform", "helm", "python", "mixed")) {
            RepoMap a = new PageRankRepoMapper().map(FixtureRepos.source(repo), RepoMapRequest.of(700, "main.tf"));
            RepoMap b = new PageRankRepoMapper().map(FixtureRepos.source(repo), RepoMapRequest.of(700, "main.tf"));
            assertEquals(a, b, repo);
        }
        InMemorySymbolSource large = new InMemorySymbolSource(Synthetic.repository(300, 10, 11), 1);
        assertEquals(new PageRankRepoMapper().map(large, RepoMapRequest.of(3000)),
                new PageRankRepoMapper().map(large, RepoMapRequest.of(3000)));
    }

    @Test
    void concurrentMapsOfANewGenerationBuildItsGraphOnce() throws Exception {
        InMemorySymbolSource source = new InMemorySymbolSource(Synthetic.repository(200, 8, 5), 9);
        PageRankRepoMapper mapper = new PageRankRepoMapper();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RepoMap>> maps = pool.invokeAll(java.util.Collections.nCopies(8,
                    () -> mapper.map(source, RepoMapRequest.of(1024))));
            RepoMap first = maps.getFirst().get(1, TimeUnit.MINUTES);
            for (Future<RepoMap> map : maps) {
                assertEquals(first, map.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, source.reads());
    }
}
