package dev.daalu.indexer.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagger of most languages: every match of the tags query with a {@code @definition.<kind>} or
 * {@code @reference.<kind>} capture and one or more {@code @name} captures is a tag. Several names join
 * with '.' in source order ({@code resource "aws_s3_bucket" "logs"} is {@code aws_s3_bucket.logs}), after
 * an optional {@code (#set! prefix "var.")}. The tag's line is that of its first name, and a definition's
 * signature is that line. A name with a {@code #scan!} regex is one tag per regex match in its text, each
 * on its own line (the code spans of a Markdown paragraph).
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
        boolean definition = roleCapture.startsWith(DEFINITION);
        String kind = roleCapture.substring(definition ? DEFINITION.length() : REFERENCE.length());
        Pattern scan = match.scan(names.getFirst());
        if (scan != null) {
            scanned(match, names.getFirst(), scan, definition, kind, source, collector);
            return;
        }
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
        int start = match.start(names.getFirst());
        int line = source.lineOf(start);
        String fullName = collapseWhitespace(name.toString());
        collector.add(start, match.pattern(), tag(definition, fullName, kind, line, source));
    }

    /** One tag per match of a {@code #scan!} regex in the capture's text, each on its own line. */
    private static void scanned(TagQuery.Match match, int capture, Pattern scan, boolean definition, String kind,
                                SourceText source, TagCollector collector) {
        String text = match.text(capture);
        int start = match.start(capture);
        int line = source.lineOf(start);
        int counted = 0;
        Matcher found = scan.matcher(text);
        while (found.find()) {
            String name = found.groupCount() >= 1 ? found.group(1) : found.group();
            if (name == null || name.isBlank()) {
                continue;
            }
            for (int i = counted; i < found.start(); i++) {
                line += text.charAt(i) == '\n' ? 1 : 0;
            }
            counted = found.start();
            // a distinct position per occurrence (the capture's start plus the name's char offset), so a
            // heading starting with `code` keeps both its definition and the reference
            int at = found.groupCount() >= 1 ? found.start(1) : found.start();
            collector.add(start + (long) at, match.pattern(), tag(definition, name.strip(), kind, line, source));
        }
    }

    private static Tag tag(boolean definition, String name, String kind, int line, SourceText source) {
        return definition
                ? new Tag(name, Tag.Role.DEFINITION, kind, line, source.signature(line))
                : new Tag(name, Tag.Role.REFERENCE, kind, line, "");
    }

    private static String collapseWhitespace(String name) {
        return WHITESPACE_RUN.matcher(name).replaceAll(" ");
    }
}
