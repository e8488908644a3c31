package dev.daalu.indexer.rank;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.daalu.indexer.rank.Synthetic.def;
import static dev.daalu.indexer.rank.Synthetic.file;
import static dev.daalu.indexer.rank.Synthetic.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolGraphTest {

    private final RankWeights weights = RankWeights.defaults();

    @Test
    void aReferenceLinksToEachFileDefiningTheName() {
        SymbolGraph graph = build(
                file("a.py", ref("parse", 1), ref("parse", 2), ref("parse", 3), ref("parse", 4)),
                file("b.py", def("parse", 1)),
                file("c.py", def("parse", 1)));

        List<Link> links = links(graph, "a.py", "parse");
        assertEquals(List.of("b.py", "c.py"), links.stream().map(Link::target).toList());
        assertEquals(2.0, links.getFirst().weight(), 1e-9, "sqrt(4) references, short name: weight 2");
    }

    @Test
    void aFileDefiningANameItselfDoesNotLinkForIt() {
        SymbolGraph graph = build(file("a.py", def("parse", 1), ref("parse", 5)), file("b.py", def("parse", 1)));

        assertEquals(List.of(), links(graph, "a.py", "parse"));
    }

    @Test
    void definitionsInTheSameDirectoryWinOverOthers() {
        SymbolGraph graph = build(
                file("modules/s3/main.tf", ref("var.region", 3)),
                file("modules/s3/variables.tf", def("var.region", 1)),
                file("variables.tf", def("var.region", 1)));

        List<Link> links = links(graph, "modules/s3/main.tf", "var.region");
        double local = links.stream().filter(l -> l.target().equals("modules/s3/variables.tf")).findFirst().orElseThrow().weight();
        double other = links.stream().filter(l -> l.target().equals("variables.tf")).findFirst().orElseThrow().weight();
        assertEquals(2, links.size());
        assertEquals(weights.otherDirectoryFactor(), other / local, 1e-6);
    }

    @Test
    void aNameDefinedInVeryManyFilesLinksOnlyWithinTheDirectory() {
        List<FileSymbols> files = new ArrayList<>();
        files.add(file("drivers/a/core.c", ref("probe", 1)));
        files.add(file("drivers/a/probe.c", def("probe", 1)));
        for (int i = 0; i < weights.maxDefiners() + 5; i++) {
            files.add(file("drivers/x" + i + "/main.c", def("probe", 1)));
        }
        files.add(file("drivers/b/core.c", ref("probe", 1)));
        SymbolGraph graph = build(files.toArray(FileSymbols[]::new));

        assertEquals(List.of("drivers/a/probe.c"), links(graph, "drivers/a/core.c", "probe").stream().map(Link::target).toList());
        assertEquals(List.of(), links(graph, "drivers/b/core.c", "probe"));
    }

    @Test
    void identifierMultipliersFollowTheirNames() {
        SymbolGraph graph = build(
                file("a.py", ref("_helper", 1), ref("parse_inventory_file", 2), ref("run", 3)),
                file("b.py", def("_helper", 1), def("parse_inventory_file", 2), def("run", 3)));

        assertEquals(weights.privateNameFactor(), links(graph, "a.py", "_helper").getFirst().weight(), 1e-6);
        assertEquals(weights.meaningfulNameBoost(), links(graph, "a.py", "parse_inventory_file").getFirst().weight(), 1e-6);
        assertEquals(1.0, links(graph, "a.py", "run").getFirst().weight(), 1e-6);
    }

    @Test
    void aMemberReferenceCountsLessThanAPlainOne() {
        Tag member = new Tag("render", Tag.Role.REFERENCE, "member", 1, "");
        SymbolGraph graph = build(file("a.py", member), file("b.py", def("render", 1)));

        assertEquals(Math.sqrt(weights.memberReferenceFactor()), links(graph, "a.py", "render").getFirst().weight(), 1e-6);
    }

    @Test
    void aMemberCallOfAStandardLibraryNameBarelyLinksToTheRepositorysDefinitionOfIt() {
        Tag libraryCall = new Tag("join", Tag.Role.REFERENCE, "member", 1, "");
        Tag plainCall = new Tag("join", Tag.Role.REFERENCE, "call", 2, "");
        SymbolGraph graph = build(file("a.py", libraryCall), file("c.py", plainCall), file("b.py", def("join", 1)));

        assertEquals(Math.sqrt(weights.memberReferenceFactor() * weights.libraryMemberFactor()),
                links(graph, "a.py", "join").getFirst().weight(), 1e-6);
        assertEquals(1.0, links(graph, "c.py", "join").getFirst().weight(), 1e-6, "a plain call of join() is the repository's");
    }

    @Test
    void vendoredFilesAndFilesWithoutGrammarAreLeftOut() {
        SymbolGraph graph = build(
                file("a.py", ref("left_pad", 1)),
                new FileSymbols("vendor/pad.py", new FileTags("python", List.of(def("left_pad", 1)), null), false),
                new FileSymbols("README.txt", FileTags.none(), true));

        assertEquals(1, graph.fileCount);
        assertEquals(0, graph.definitionCount());
    }

    @Test
    void pageRankSumsToOneAndFavoursWhatIsReferenced() {
        SymbolGraph graph = build(
                file("app.py", ref("load", 1), ref("save", 2)),
                file("cli.py", ref("load", 1)),
                file("store.py", def("load", 1), def("save", 2)),
                file("lonely.py", def("unused", 1)));
        double[] jump = new Focus(new int[0], null).jump(graph, weights);
        double[] rank = PageRank.rank(graph, jump, PageRank.boost(graph, null, weights), weights);

        assertEquals(1.0, java.util.Arrays.stream(rank).sum(), 1e-9);
        int store = index(graph, "store.py");
        for (int f = 0; f < graph.fileCount; f++) {
            if (f != store) {
                assertTrue(rank[store] > rank[f], graph.path(f));
            }
        }
    }

    private SymbolGraph build(FileSymbols... files) {
        SymbolGraphBuilder builder = new SymbolGraphBuilder(weights);
        for (FileSymbols file : files) {
            builder.add(file);
        }
        return builder.build();
    }

    private record Link(String target, double weight) { }

    private static List<Link> links(SymbolGraph graph, String source, String name) {
        int file = index(graph, source);
        int id = graph.nameId(name);
        List<Link> out = new ArrayList<>();
        for (int r = graph.referenceStart(file); r < graph.referenceStart(file + 1); r++) {
            if (graph.referenceName(r) == id) {
                graph.forEachLink(file, id, graph.referenceCount(r), 1,
                        (target, weight, first, end) -> out.add(new Link(graph.path(target), weight)));
            }
        }
        return out;
    }

    private static int index(SymbolGraph graph, String path) {
        for (int f = 0; f < graph.fileCount; f++) {
            if (graph.path(f).equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no file " + path);
    }
}
