package dev.daalu.indexer.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TagCodecTest {

    @Test
    void roundTripsTagsWithRepeatedNamesAndNonAsciiText() {
        FileTags tags = new FileTags("hcl", List.of(
                new Tag("aws_s3_bucket.logs", Tag.Role.DEFINITION, "resource", 3, "resource \"aws_s3_bucket\" \"logs\" {"),
                new Tag("var.region", Tag.Role.REFERENCE, "variable", 5, ""),
                new Tag("var.region", Tag.Role.REFERENCE, "variable", 9, ""),
                new Tag("Grüße", Tag.Role.DEFINITION, "heading", 120_000, "# Grüße 👋")), null);

        assertEquals(tags, TagCodec.decode(TagCodec.encode(tags)));
    }

    @Test
    void roundTripsASkippedFile() {
        FileTags skipped = FileTags.skipped("javascript", "minified");

        assertEquals(skipped, TagCodec.decode(TagCodec.encode(skipped)));
    }

    @Test
    void refusesBytesThatAreNotATagRecord() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TagCodec.decode(new byte[] {1, 0}));
        assertEquals(true, error.getMessage().startsWith("corrupt tag record"));
        assertThrows(IllegalArgumentException.class, () -> TagCodec.decode(new byte[] {9}));
    }
}
