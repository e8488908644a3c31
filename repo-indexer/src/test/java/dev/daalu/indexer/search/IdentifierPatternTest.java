package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifierPatternTest {

    @Test
    void splitsEveryNamingStyleIntoTheSameWords() {
        for (String style : List.of("bucketPolicy", "BucketPolicy", "bucket_policy", "bucket-policy", "BUCKET_POLICY")) {
            assertEquals(List.of("bucket", "policy"), IdentifierPattern.of(style).words(), style);
            assertEquals("bucket[_-]?policy", IdentifierPattern.of(style).body(), style);
        }
    }

    @Test
    void splitsAcronymsAndDigitsWhereAReaderWould() {
        assertEquals(List.of("http", "server"), IdentifierPattern.of("HTTPServer").words());
        assertEquals(List.of("s3", "bucket"), IdentifierPattern.of("s3Bucket").words());
        assertEquals(List.of("xml", "http", "request"), IdentifierPattern.of("XMLHttpRequest").words());
        assertEquals(List.of("log4j"), IdentifierPattern.of("log4j").words());
        assertEquals(List.of("aws", "s3", "bucket"), IdentifierPattern.split("aws_s3Bucket"));
    }

    @Test
    void theRipgrepEquivalentIsCaseInsensitiveWithOptionalSeparators() {
        assertEquals("(?i)bucket[_-]?policy", IdentifierPattern.of("bucketPolicy").rgRegex());
        assertEquals("(?i)http[_-]?server", IdentifierPattern.of("HTTPServer").rgRegex());
    }

    @Test
    void spelledOutSeparatorsBeyondOneAreKept() {
        assertEquals("__init__", IdentifierPattern.of("__init__").body());
        assertEquals("block__element", IdentifierPattern.of("block__element").body());
        assertEquals("_private[_-]?name", IdentifierPattern.of("_private_name").body());
    }

    @Test
    void thePatternFindsEveryStyleAndLongerIdentifiersButNotOtherWords() {
        Pattern pattern = IdentifierPattern.of("bucketPolicy").compile(0);
        for (String text : List.of("bucket_policy", "BucketPolicy", "bucket-policy", "BUCKET_POLICY", "bucketpolicy",
                "resource \"aws_s3_bucket_policy\" \"x\"")) {
            assertTrue(pattern.matcher(text).find(), text);
        }
        for (String text : List.of("bucket policy", "bucket__policy", "policyBucket")) {
            assertFalse(pattern.matcher(text).find(), text);
        }
    }

    @Test
    void refusesWhatIsNotAnIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> IdentifierPattern.of("a.b"));
    }
}
