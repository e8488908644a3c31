package dev.daalu.indexer.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled tags query ({@code queries/<lang>-tags.scm}) and the predicates the native library leaves to
 * its caller. Supported, per pattern:
 * <ul>
 *   <li>{@code #eq?}, {@code #not-eq?} (capture against a string or another capture),
 *       {@code #any-of?}, {@code #not-any-of?}, {@code #match?}, {@code #not-match?};</li>
 *   <li>{@code (#extract! @capture "regex")}: the capture's text becomes the regex's first group; the
 *       match is dropped when the regex does not match;</li>
 *   <li>{@code (#set! key "value")}: a property of the pattern, e.g. {@code prefix} for a name prefix.</li>
 * </ul>
 * Any other predicate is a compile error, so a typo in a query fails its language's test, not silently.
 *
 * <p>Thread-safe: the compiled query is immutable and may be run concurrently, each thread with its own cursor.
 * Its native memory is freed when it becomes unreachable.
 */
final class TagQuery {

    private static final String[] QUERY_ERRORS = {"none", "syntax", "node type", "field", "capture", "structure",
        "language"};

    private final long pointer;
    private final String[] captureNames;
    private final PatternRules[] patterns;

    private TagQuery(long pointer, String[] captureNames, PatternRules[] patterns) {
        this.pointer = pointer;
        this.captureNames = captureNames;
        this.patterns = patterns;
        NativeTreeSitter.CLEANER.register(this, () -> NativeTreeSitter.queryDelete(pointer));
    }

    /**
     * @param language a grammar's address
     * @throws IllegalArgumentException when the query does not compile for {@code language} or uses an
     *     unsupported predicate; the message names the query and where it breaks
     */
    static TagQuery compile(long language, String queryName, String source) {
        byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
        int[] error = new int[2];
        long query = NativeTreeSitter.queryNew(language, utf8, error);
        if (query == 0) {
            int offset = Math.clamp(error[1], 0, utf8.length);
            String line = new String(utf8, 0, offset, StandardCharsets.UTF_8).lines().count() + "";
            throw new IllegalArgumentException("tags query " + queryName + " does not compile: "
                    + QUERY_ERRORS[Math.clamp(error[0], 0, QUERY_ERRORS.length - 1)] + " error near line " + line);
        }
        try {
            String[] names = new String[NativeTreeSitter.queryCaptureCount(query)];
            for (int i = 0; i < names.length; i++) {
                names[i] = new String(NativeTreeSitter.queryCaptureName(query, i), StandardCharsets.UTF_8);
            }
            PatternRules[] patterns = new PatternRules[NativeTreeSitter.queryPatternCount(query)];
            for (int p = 0; p < patterns.length; p++) {
                patterns[p] = PatternRules.read(query, p, queryName);
            }
            return new TagQuery(query, names, patterns);
        } catch (RuntimeException e) {
            NativeTreeSitter.queryDelete(query);
            throw e;
        }
    }

    long pointer() {
        return pointer;
    }

    /**
     * Hands every match in {@code flat} (as {@link NativeTreeSitter#parseAndMatch} returns them) whose
     * predicates hold to {@code consumer}, in document order.
     */
    void forEachMatch(int[] flat, SourceText source, MatchConsumer consumer) {
        Match match = new Match(source);
        int i = 0;
        while (i < flat.length) {
            match.reset(flat, i);
            i += 2 + 3 * match.count;
            if (patterns[match.pattern].holds(match)) {
                consumer.accept(match);
            }
        }
    }

    /** Receives matches; the {@link Match} object is reused, so copy what must outlive the call. */
    @FunctionalInterface
    interface MatchConsumer {
        void accept(Match match);
    }

    /** One match: its pattern and captures, with texts read (and extracted) on demand. */
    final class Match {
        private final SourceText source;
        private int pattern;
        private int count;
        private int[] ids = new int[8];
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private String[] texts = new String[8];

        private Match(SourceText source) {
            this.source = source;
        }

        private void reset(int[] flat, int at) {
            pattern = flat[at];
            count = flat[at + 1];
            if (ids.length < count) {
                ids = new int[count];
                starts = new int[count];
                ends = new int[count];
                texts = new String[count];
            }
            for (int i = 0, k = at + 2; i < count; i++, k += 3) {
                ids[i] = flat[k];
                starts[i] = flat[k + 1];
                ends[i] = flat[k + 2];
                texts[i] = null;
            }
        }

        int pattern() {
            return pattern;
        }

        int size() {
            return count;
        }

        String captureName(int i) {
            return captureNames[ids[i]];
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }

        String text(int i) {
            if (texts[i] == null) {
                texts[i] = source.text(starts[i], ends[i]);
            }
            return texts[i];
        }

        String property(String key) {
            return patterns[pattern].properties.get(key);
        }

        private void setText(int i, String text) {
            texts[i] = text;
        }

        /** The texts of every capture with this id, in match order. */
        private List<String> textsOf(int captureId) {
            List<String> out = new ArrayList<>(2);
            for (int i = 0; i < count; i++) {
                if (ids[i] == captureId) {
                    out.add(text(i));
                }
            }
            return out;
        }

        private int id(int i) {
            return ids[i];
        }
    }

    /** The predicates and properties of one pattern. */
    private record PatternRules(List<Rule> rules, Map<String, String> properties) {

        private static final int DONE = 0;
        private static final int CAPTURE = 1;

        static PatternRules read(long query, int pattern, String queryName) {
            List<Rule> rules = new ArrayList<>();
            Map<String, String> properties = new HashMap<>();
            List<Object> step = new ArrayList<>();
            int[] steps = NativeTreeSitter.queryPredicates(query, pattern);
            for (int i = 0; i < steps.length; i += 2) {
                int type = steps[i];
                int value = steps[i + 1];
                if (type == DONE) {
                    Rule rule = Rule.of(step, properties, queryName, pattern);
                    if (rule != null) {
                        rules.add(rule);
                    }
                    step.clear();
                } else if (type == CAPTURE) {
                    step.add(value);
                } else {
                    step.add(new String(NativeTreeSitter.queryStringValue(query, value), StandardCharsets.UTF_8));
                }
            }
            // extractions first, so the other predicates see extracted text
            rules.sort((a, b) -> Boolean.compare(!(a instanceof Extract), !(b instanceof Extract)));
            return new PatternRules(List.copyOf(rules), Map.copyOf(properties));
        }

        boolean holds(Match match) {
            for (Rule rule : rules) {
                if (!rule.test(match)) {
                    return false;
                }
            }
            return true;
        }
    }

    private sealed interface Rule permits Compare, AnyOf, Regex, Extract {

        boolean test(Match match);

        static Rule of(List<Object> step, Map<String, String> properties, String queryName, int pattern) {
            String op = (String) step.getFirst();
            List<Object> args = step.subList(1, step.size());
            String where = "tags query " + queryName + ", pattern " + pattern + ": ";
            switch (op) {
                case "eq?", "not-eq?" -> {
                    require(args.size() == 2 && args.getFirst() instanceof Integer, where + op + " needs @capture and a value");
                    return new Compare((Integer) args.get(0), args.get(1), op.startsWith("not-"));
                }
                case "any-of?", "not-any-of?" -> {
                    require(args.size() >= 2 && args.getFirst() instanceof Integer, where + op + " needs @capture and strings");
                    Set<String> values = new java.util.HashSet<>();
                    args.subList(1, args.size()).forEach(v -> values.add((String) v));
                    return new AnyOf((Integer) args.getFirst(), Set.copyOf(values), op.startsWith("not-"));
                }
                case "match?", "not-match?" -> {
                    require(args.size() == 2 && args.get(1) instanceof String, where + op + " needs @capture and a regex");
                    return new Regex((Integer) args.get(0), Pattern.compile((String) args.get(1)), op.startsWith("not-"));
                }
                case "extract!" -> {
                    require(args.size() == 2 && args.get(1) instanceof String, where + "extract! needs @capture and a regex");
                    return new Extract((Integer) args.get(0), Pattern.compile((String) args.get(1)));
                }
                case "set!" -> {
                    require(args.size() == 2 && args.get(0) instanceof String && args.get(1) instanceof String,
                            where + "set! needs a key and a value");
                    properties.put((String) args.get(0), (String) args.get(1));
                    return null;
                }
                default -> throw new IllegalArgumentException(where + "unsupported predicate #" + op);
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private record Compare(int capture, Object other, boolean negate) implements Rule {
        @Override
        public boolean test(Match match) {
            List<String> left = match.textsOf(capture);
            List<String> right = other instanceof Integer id ? match.textsOf(id) : List.of((String) other);
            if (left.isEmpty() || right.isEmpty()) {
                return true;
            }
            return left.getFirst().equals(right.getFirst()) != negate;
        }
    }

    private record AnyOf(int capture, Set<String> values, boolean negate) implements Rule {
        @Override
        public boolean test(Match match) {
            for (String text : match.textsOf(capture)) {
                if (values.contains(text) == negate) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Regex(int capture, Pattern regex, boolean negate) implements Rule {
        @Override
        public boolean test(Match match) {
            for (String text : match.textsOf(capture)) {
                if (regex.matcher(text).find() == negate) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Extract(int capture, Pattern regex) implements Rule {
        @Override
        public boolean test(Match match) {
            for (int i = 0; i < match.size(); i++) {
                if (match.id(i) == capture) {
                    Matcher m = regex.matcher(match.text(i));
                    if (!m.find() || m.groupCount() < 1 || m.group(1) == null) {
                        return false;
                    }
                    match.setText(i, m.group(1));
                }
            }
            return true;
        }
    }
}
