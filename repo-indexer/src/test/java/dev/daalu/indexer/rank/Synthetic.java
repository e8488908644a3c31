package dev.daalu.indexer.rank;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Repositories built from tags directly, for graph and budget tests. */
final class Synthetic {

    private Synthetic() {
    }

    static Tag def(String name, int line) {
        return new Tag(name, Tag.Role.DEFINITION, "function", line, "def " + name + "(self, request, *args):");
    }

    static Tag ref(String name, int line) {
        return new Tag(name, Tag.Role.REFERENCE, "call", line, "");
    }

    static FileSymbols file(String path, Tag... tags) {
        return new FileSymbols(path, new FileTags("python", List.of(tags), null), true);
    }

    /**
     * {@code files} modules of {@code definitions} functions each; every module calls a few functions of
     * randomly chosen other modules (seeded, so the same every run).
     */
    static List<FileSymbols> repository(int files, int definitions, long seed) {
        Random random = new Random(seed);
        List<FileSymbols> out = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<Tag> tags = new ArrayList<>();
            for (int d = 0; d < definitions; d++) {
                tags.add(def("service_" + f + "_handler_" + d, 10 + d * 7));
            }
            for (int r = 0; r < 6; r++) {
                int target = random.nextInt(files);
                tags.add(ref("service_" + target + "_handler_" + random.nextInt(definitions), 12 + r));
            }
            out.add(new FileSymbols(String.format("pkg/mod%03d/service.py", f), new FileTags("python", tags, null), true));
        }
        return out;
    }
}
