package dev.daalu.indexer.lucene;

import dev.daalu.indexer.search.Formula;
import dev.daalu.indexer.search.SearchPlan;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Binary file matches": the small binary files ({@link FileIndexer#BINARY_MATCH_MAX_BYTES}) whose byte
 * trigrams fit the query, checked on disk with the query's matcher on their bytes read as Latin-1 (each byte
 * one character, so ASCII text inside them reads as itself). Their content is never returned, only paths.
 */
final class BinaryMatches {

    /** At most this many binary files are named. */
    static final int MAX_BINARY_MATCHES = 20;

    private BinaryMatches() {
    }

    /** Sorted paths, for identifier and ASCII literal queries; empty otherwise. */
    static List<String> find(IndexSearcher searcher, SearchPlan plan, Path root) throws IOException {
        if (!plan.checksBinaries() || plan.candidates() instanceof Formula.All) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (Candidates.Candidate candidate : Candidates.binary(searcher, plan)) {
            paths.add(candidate.path());
        }
        paths.sort(null);
        List<String> matching = new ArrayList<>();
        for (String path : paths) {
            if (matching.size() >= MAX_BINARY_MATCHES) {
                break;
            }
            if (plan.matcher().matchesIn(new String(readSmall(root.resolve(path)), StandardCharsets.ISO_8859_1))) {
                matching.add(path);
            }
        }
        return matching;
    }

    // The file as it is now (never through a link), up to the size limit; empty when it cannot be read
    private static byte[] readSmall(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), FileIndexer.BINARY_MATCH_MAX_BYTES));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or at the end
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException gone) {
            return new byte[0];
        }
    }
}
