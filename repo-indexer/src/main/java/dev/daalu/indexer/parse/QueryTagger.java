package dev.daalu.indexer.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tagger of most languages: every match of the tags query with a {@code @definition.<kind>} or
 * {@code @reference.<kind>} capture and one or more {@code @name} captures is a tag. Several names join
 * with '.' in source order ({@code resource "aws_s3_bucket" "logs"} is {@code aws_s3_bucket.logs}), after
 * an optional {@code (#set! prefix "var.")}. The tag's line is that of its first name, and a definition's
 * signature is that line.
 */
final class QueryTagger implements Tagger {

    private static final String NAME = "name";
    private static final String DEFINITION = "definition.";
    private static final String REFERENCE = "reference.";

    // a tab, a line break, or two spaces in a row: a heading or a label spanning lines is shown on one
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s\\s+|[\\t\\n\\r\\f]");

    private final TagQuery query;

    QueryTagger(TagQuery query) {
        this.query = query;
    }

    @Override
    public List<Tag> tags(String relativePath, SourceText source, ParseSession session) {
        TagCollector collector = new TagCollector();
        session.run(query, source, match -> collect(match, source, collector));
        return collector.tags();
    }

    private static void collect(TagQuery.Match match, SourceText source, TagCollector collector) {
        String roleCapture = null;
        List<Integer> names = new ArrayList<>(2);
        for (int i = 0; i < match.size(); i++) {
            String capture = match.captureName(i);
            if (capture.equals(NAME)) {
                names.add(i);
            } else if (capture.startsWith(DEFINITION) || capture.startsWith(REFERENCE)) {
                roleCapture = capture;
            }
        }
        if (roleCapture == null || names.isEmpty()) {
            return;
        }
        names.sort(Comparator.comparingInt(match::start));
        StringBuilder name = new StringBuilder();
        String prefix = match.property("prefix");
        if (prefix != null) {
            name.append(prefix);
        }
        for (int k = 0; k < names.size(); k++) {
            String part = match.text(names.get(k)).strip();
            if (part.isEmpty()) {
                return;
            }
            name.append(k == 0 ? "" : ".").append(part);
        }
        boolean definition = roleCapture.startsWith(DEFINITION);
        String kind = roleCapture.substring(definition ? DEFINITION.length() : REFERENCE.length());
        int start = match.start(names.getFirst());
        int line = source.lineOf(start);
        String fullName = collapseWhitespace(name.toString());
        Tag tag = definition
                ? new Tag(fullName, Tag.Role.DEFINITION, kind, line, source.signature(line))
                : new Tag(fullName, Tag.Role.REFERENCE, kind, line, "");
        collector.add(start, match.pattern(), tag);
    }

    private static String collapseWhitespace(String name) {
        return WHITESPACE_RUN.matcher(name).replaceAll(" ");
    }
}
