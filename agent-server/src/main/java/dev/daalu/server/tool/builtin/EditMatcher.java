package dev.daalu.server.tool.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the exact text an edit replaces and applies it without touching anything else.
 *
 * <p>The model writes line breaks as LF; files may use CRLF or mix endings. So a multi-line {@code old_text}
 * matches any of {@code \n} and {@code \r\n} at each of its breaks, and the replacement's breaks take the
 * ending found at the matched place (or the file's own convention). Every byte outside the matched ranges,
 * bare {@code \r} in data included, stays as it was.
 */
final class EditMatcher {

    /** A matched range of the text and the line break found inside it (null when it spans no break). */
    record Match(int start, int end, String lineBreak) { }

    private static final int MAX_CANDIDATES = 3;
    private static final int MAX_COMPARED_CHARS = 200;

    private EditMatcher() {
    }

    static List<Match> find(String text, String oldText) {
        String old = oldText.replace("\r\n", "\n");
        List<Match> matches = new ArrayList<>();
        if (old.indexOf('\n') < 0) {
            for (int at = text.indexOf(old); at >= 0; at = text.indexOf(old, at + old.length())) {
                matches.add(new Match(at, at + old.length(), null));
            }
            return matches;
        }
        String[] parts = old.split("\n", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("(\\r?\\n)");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(text);
        while (m.find()) {
            matches.add(new Match(m.start(), m.end(), m.group(1)));
        }
        return matches;
    }

    /** Replaces every match (right to left, so offsets stay valid). */
    static String apply(String text, List<Match> matches, String newText, String defaultBreak) {
        String replacementLf = newText.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(text);
        for (int i = matches.size() - 1; i >= 0; i--) {
            Match match = matches.get(i);
            String lineBreak = match.lineBreak() != null ? match.lineBreak() : breakAround(text, match, defaultBreak);
            out.replace(match.start(), match.end(), replacementLf.replace("\n", lineBreak));
        }
        return out.toString();
    }

    /** The line ending of the line holding a single-line match, so new lines inserted there fit in. */
    private static String breakAround(String text, Match match, String fallback) {
        int lf = text.indexOf('\n', match.end());
        if (lf < 0) {
            return fallback;
        }
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /** 1-based line numbers where the matches start. */
    static List<Integer> lineNumbers(String text, List<Match> matches) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int position = 0;
        for (Match match : matches) {
            for (; position < match.start(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Describes where {@code oldText} nearly occurs, to help the model correct it: the same lines with other
     * indentation, or the lines most like its first line.
     */
    static String nearest(String text, String oldText) {
        String[] lines = text.split("\r?\n", -1);
        String[] wanted = oldText.replace("\r\n", "\n").strip().split("\n");
        for (int i = 0; i + wanted.length <= lines.length; i++) {
            boolean same = true;
            for (int j = 0; j < wanted.length && same; j++) {
                same = lines[i + j].strip().equals(wanted[j].strip());
            }
            if (same) {
                return "It matches lines " + (i + 1) + "-" + (i + wanted.length)
                        + " if whitespace is ignored: copy those lines exactly, with their indentation, from read_file.";
            }
        }
        String first = wanted[0].strip();
        List<int[]> scored = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int score = similarity(first, lines[i].strip());
            if (score >= 50) {
                scored.add(new int[] {i, score});
            }
        }
        if (scored.isEmpty()) {
            return "No similar line was found; read the file again to see its current content.";
        }
        scored.sort(Comparator.comparingInt((int[] s) -> -s[1]).thenComparingInt(s -> s[0]));
        StringBuilder out = new StringBuilder("The closest lines are:");
        for (int k = 0; k < Math.min(MAX_CANDIDATES, scored.size()); k++) {
            int index = scored.get(k)[0];
            out.append("\n  ").append(index + 1).append(": ").append(lines[index].strip());
        }
        return out.toString();
    }

    /** Percentage similarity (100 = equal) from the edit distance of the first few hundred chars. */
    static int similarity(String a, String b) {
        String x = a.length() > MAX_COMPARED_CHARS ? a.substring(0, MAX_COMPARED_CHARS) : a;
        String y = b.length() > MAX_COMPARED_CHARS ? b.substring(0, MAX_COMPARED_CHARS) : b;
        int longest = Math.max(x.length(), y.length());
        if (longest == 0) {
            return 100;
        }
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 100 - (100 * previous[y.length()]) / longest;
    }
}
