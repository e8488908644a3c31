package dev.daalu.indexer.rank;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.parse.FileTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoMapBudgetTest {

    private static final InMemorySymbolSource LARGE = new InMemorySymbolSource(Synthetic.repository(400, 12, 7), 1);
    private final TokenEstimator estimator = TokenEstimator.qwenCode();

    @ParameterizedTest(name = "{0} tokens")
    @ValueSource(ints = {64, 100, 256, 500, 1024, 2000, 4096, 8192, 16384})
    void aMapNeverExceedsItsBudgetAndUsesMostOfItWhenThereIsEnoughToShow(int budget) throws Exception {
        RepoMap map = new PageRankRepoMapper().map(LARGE, RepoMapRequest.of(budget));

        assertEquals(estimator.estimate(map.text()), map.tokens());
        assertTrue(map.tokens() <= budget, map.tokens() + " > " + budget);
        // one line of this repository's map costs up to ~25 tokens: below 256 tokens that is over 10%
        int slack = budget >= 256 ? (int) (budget * 0.15) : 25;
        assertTrue(map.tokens() >= budget - slack, map.tokens() + " leaves more than " + slack + " of " + budget);
        assertEquals(budget, map.maxTokens());
    }

    @Test
    void aSmallRepositoryIsShownWhole() throws Exception {
        InMemorySymbolSource source = FixtureRepos.source("python");
        RepoMap map = new PageRankRepoMapper().map(source, RepoMapRequest.of(8192));

        long definitions = source.files().stream().flatMap(f -> f.tags().tags().stream()).filter(t -> t.isDefinition())
                .count();
        long shown = map.files().stream().mapToLong(f -> f.definitions().size()).sum();
        assertEquals(definitions, shown);
        assertEquals(source.files().size(), map.files().size());
        assertTrue(map.tokens() < 8192);
    }

    @Test
    void skippedFilesAppearByPathOnlyAndDoNotCrowdOutDefinitions() throws Exception {
        List<FileSymbols> files = new ArrayList<>(Synthetic.repository(60, 8, 3));
        for (int i = 0; i < 200; i++) {
            files.add(new FileSymbols("dist/bundle" + i + ".min.js", FileTags.skipped("javascript", "minified"), true));
        }
        RepoMap map = new PageRankRepoMapper().map(new InMemorySymbolSource(files, 1), RepoMapRequest.of(1024));

        long skippedTokens = map.files().stream().filter(f -> f.skippedReason() != null)
                .mapToLong(f -> estimator.estimate(f.path() + " (skipped: minified)\n")).sum();
        assertTrue(skippedTokens <= 1024 * RepoMapRenderer.SKIPPED_SHARE_PERCENT / 100, "skipped take " + skippedTokens);
        assertTrue(map.files().stream().anyMatch(f -> !f.definitions().isEmpty()));
        assertTrue(map.tokens() <= 1024);
    }

    @Test
    void vendoredFilesAreNeitherRankedNorShown() throws Exception {
        RepoMap map = new PageRankRepoMapper().map(FixtureRepos.source("mixed"), RepoMapRequest.of(8192));

        assertTrue(map.files().stream().noneMatch(f -> f.path().startsWith("vendor/")));
        assertTrue(!map.text().contains("leftPad"));
        assertTrue(map.text().contains("assets/app.min.js (skipped: minified)"));
    }

    @Test
    void anEmptyRepositoryHasAnEmptyMap() throws Exception {
        RepoMap map = new PageRankRepoMapper().map(new InMemorySymbolSource(List.of(), 1), RepoMapRequest.of(512));

        assertEquals("", map.text());
        assertEquals(0, map.tokens());
        assertEquals(0, map.filesRanked());
    }
}
