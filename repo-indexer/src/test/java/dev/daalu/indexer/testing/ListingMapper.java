package dev.daalu.indexer.testing;

import dev.daalu.indexer.RepoMap;
import dev.daalu.indexer.RepoMapRequest;
import dev.daalu.indexer.parse.Tag;
import dev.daalu.indexer.rank.RepoMapper;
import dev.daalu.indexer.rank.SymbolSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the PageRank mapper: every file in path order, its definitions as {@code line: signature},
 * files out of the graph or skipped shown by path only. It ignores the budget and focus; it exists so the
 * index's {@link SymbolSource} can be observed through {@code RepoIndex.map}.
 */
public final class ListingMapper implements RepoMapper {

    @Override
    public RepoMap map(SymbolSource source, RepoMapRequest request) throws IOException {
        StringBuilder text = new StringBuilder();
        List<RepoMap.MapFile> files = new ArrayList<>();
        source.forEachFile(file -> {
            text.append(file.path());
            List<RepoMap.MapEntry> definitions = new ArrayList<>();
            String skipped = file.tags().skippedReason();
            if (!file.inGraph()) {
                skipped = skipped == null ? "out of graph" : skipped;
            }
            if (skipped != null) {
                text.append(" (skipped: ").append(skipped).append(")\n");
            } else {
                text.append('\n');
                for (Tag tag : file.tags().tags()) {
                    if (tag.isDefinition()) {
                        text.append("  ").append(tag.line()).append(": ").append(tag.signature()).append('\n');
                        definitions.add(new RepoMap.MapEntry(tag.name(), tag.kind(), tag.line(), tag.signature()));
                    }
                }
            }
            files.add(new RepoMap.MapFile(file.path(), 1, definitions, skipped));
        });
        return new RepoMap(text.toString(), text.length() / 4, request.maxTokens(), files, files.size());
    }
}
