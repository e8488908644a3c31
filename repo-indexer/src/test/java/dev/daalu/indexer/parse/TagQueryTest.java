package dev.daalu.indexer.parse;

import org.junit.jupiter.api.Test;
import org.treesitter.TreeSitterPython;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagQueryTest {

    private static final long PYTHON = NativeTreeSitter.pointerOf(new TreeSitterPython());
    private static final String SOURCE = "def keep_me(): pass\ndef _drop(): pass\ndef other(): pass\n";

    @Test
    void predicatesFilterMatchesAndExtractRewritesTheCapture() {
        List<String> names = run("""
                ((function_definition name: (identifier) @name) @definition.function
                  (#not-match? @name "^_")
                  (#not-any-of? @name "other")
                  (#extract! @name "^(keep)_")
                  (#set! prefix "py."))
                """);

        assertEquals(List.of("py.keep@1"), names);
    }

    @Test
    void eqComparesWithAStringOrAnotherCapture() {
        assertEquals(List.of("other@3"), run("""
                ((function_definition name: (identifier) @name) @definition.function (#eq? @name "other"))
                """));
        assertEquals(List.of("keep_me@1", "_drop@2", "other@3"), run("""
                ((function_definition name: (identifier) @name @same) @definition.function (#eq? @name @same))
                """));
    }

    @Test
    void aQueryThatDoesNotCompileSaysWhichAndWhere() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TagQuery.compile(PYTHON, "broken-tags.scm", "(function_definition\n  (no_such_node) @name)"));
        assertTrue(bad.getMessage().contains("broken-tags.scm") && bad.getMessage().contains("node type"), bad.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TagQuery.compile(PYTHON, "odd-tags.scm", "((identifier) @name (#strip! @name \"x\"))"));
        assertTrue(unknown.getMessage().contains("unsupported predicate #strip!"), unknown.getMessage());
    }

    private static List<String> run(String query) {
        TagQuery compiled = TagQuery.compile(PYTHON, "test-tags.scm", query);
        Tagger tagger = new QueryTagger(compiled);
        long parser = NativeTreeSitter.parserNew(PYTHON);
        long cursor = NativeTreeSitter.cursorNew();
        try {
            List<String> out = new ArrayList<>();
            ParseSession session = new ParseSession(parser, cursor, System.nanoTime() + 10_000_000_000L);
            for (Tag tag : tagger.tags("t.py", SourceText.of(SOURCE), session)) {
                out.add(tag.name() + "@" + tag.line());
            }
            return out;
        } finally {
            NativeTreeSitter.parserDelete(parser);
            NativeTreeSitter.cursorDelete(cursor);
        }
    }
}
