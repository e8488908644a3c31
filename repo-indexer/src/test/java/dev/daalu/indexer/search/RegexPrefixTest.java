package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexPrefixTest {

    @Test
    void readsTheLeadingLiteralIncludingEscapedPunctuation() {
        assertEquals("#define", RegexPrefix.of("^#define\\s+[A-Z_]+_MAX\\b"));
        assertEquals("kmalloc(", RegexPrefix.of("kmalloc\\([^,]+,\\s*GFP_ATOMIC\\)"));
        assertEquals("EXPORT_SYMBOL", RegexPrefix.of("EXPORT_SYMBOL(_GPL)?\\(\\w+\\)"));
        assertEquals("static", RegexPrefix.of("static\\s+int"));
    }

    @Test
    void aQuantifiedCharacterIsNotPartOfIt() {
        assertEquals("ab", RegexPrefix.of("abc?d"));
        assertEquals("ab", RegexPrefix.of("abc*"));
        assertEquals("ab", RegexPrefix.of("abc{2}"));
    }

    @Test
    void alternationFlagsAndClassesLeaveNoPrefix() {
        assertEquals("", RegexPrefix.of("fixme|FIXME"));
        assertEquals("", RegexPrefix.of("foo(bar|baz)"));
        assertEquals("", RegexPrefix.of("(?i)foo"));
        assertEquals("", RegexPrefix.of("[Ff]oo"));
        assertEquals("", RegexPrefix.of("\\bfoo"));
        assertEquals("", RegexPrefix.of(".*foo"));
    }
}
