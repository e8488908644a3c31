package dev.daalu.indexer.parse;

import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterC;
import org.treesitter.TreeSitterDockerfile;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterMarkdown;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;
import org.treesitter.TreeSitterYaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The languages the indexer tags, each a grammar, a tags query ({@code queries/<query>-tags.scm}) and
 * the file names it claims. A query may start with the patterns of another: {@code ; inherits: typescript}
 * (earlier patterns win overlaps, so inherited ones take precedence). Adding a language is one entry here, one query file and one fixture under
 * the parse tests.
 *
 * <p>Thread-safe. Grammars and queries load on first use of their language, once.
 */
public final class LanguageRegistry {

    private static final String QUERY_DIR = "/dev/daalu/indexer/parse/queries/";
    private static final String INHERITS = "; inherits:";

    private final List<Entry> entries;

    private LanguageRegistry(List<Entry> entries) {
        this.entries = entries;
    }

    /** Every language this project ships. */
    public static LanguageRegistry standard() {
        return new LanguageRegistry(List.of(
                new Entry("java", List.of("*.java"), bonede(TreeSitterJava::new), "java", QueryTagger::new),
                new Entry("python", List.of("*.py", "*.pyi", "*.pyw"), bonede(TreeSitterPython::new), "python", QueryTagger::new),
                new Entry("go", List.of("*.go"), bonede(TreeSitterGo::new), "go", QueryTagger::new),
                new Entry("javascript", List.of("*.js", "*.mjs", "*.cjs", "*.jsx"), bonede(TreeSitterJavascript::new),
                        "javascript", QueryTagger::new),
                new Entry("typescript", List.of("*.ts", "*.mts", "*.cts"), bonede(TreeSitterTypescript::new),
                        "typescript", QueryTagger::new),
                new Entry("tsx", List.of("*.tsx"), builtIn(NativeTreeSitter::languageTsx), "tsx", QueryTagger::new),
                new Entry("bash", List.of("*.sh", "*.bash", ".bashrc", ".bash_profile", ".profile"),
                        bonede(TreeSitterBash::new), "bash", QueryTagger::new),
                new Entry("c", List.of("*.c", "*.h"), bonede(TreeSitterC::new), "c", QueryTagger::new),
                new Entry("hcl", List.of("*.tf", "*.tfvars", "*.hcl", "*.nomad"), builtIn(NativeTreeSitter::languageHcl), "hcl",
                        QueryTagger::new),
                new Entry("yaml", List.of("*.yaml", "*.yml", "*.tpl"), bonede(TreeSitterYaml::new), "yaml", YamlTagger::new),
                new Entry("markdown", List.of("*.md", "*.markdown"), bonede(TreeSitterMarkdown::new), "markdown",
                        QueryTagger::new),
                new Entry("dockerfile", List.of("dockerfile", "dockerfile.*", "*.dockerfile", "containerfile",
                        "containerfile.*"), bonede(TreeSitterDockerfile::new), "dockerfile", QueryTagger::new)));
    }

    /** A grammar of the io.github.bonede artifacts, whose object keeps its library loaded. */
    private static Supplier<Grammar> bonede(Supplier<TSLanguage> factory) {
        return () -> {
            TSLanguage language = factory.get();
            return new Grammar(NativeTreeSitter.pointerOf(language), language);
        };
    }

    /** A grammar compiled into libdaalu-tree-sitter.so. */
    private static Supplier<Grammar> builtIn(LongSupplier pointer) {
        return () -> new Grammar(pointer.getAsLong(), null);
    }

    /** The language of {@code relativePath} by its file name, if any. */
    public Optional<String> languageFor(String relativePath) {
        return entryFor(relativePath).map(Entry::name);
    }

    /** The names of every language, in registry order. */
    public List<String> languages() {
        return entries.stream().map(Entry::name).toList();
    }

    Optional<Entry> entryFor(String relativePath) {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        for (Entry entry : entries) {
            if (entry.claims(fileName)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    Optional<Entry> entry(String language) {
        return entries.stream().filter(e -> e.name.equals(language)).findFirst();
    }

    /** The language a script without a known extension names on its {@code #!} line, if any. */
    Optional<Entry> entryForShebang(String text) {
        if (!text.startsWith("#!")) {
            return Optional.empty();
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        String interpreter = line.contains("python") ? "python"
                : line.contains("node") ? "javascript"
                : line.matches("#!\\s*\\S*/(env\\s+)?(ba|da|k)?sh\\b.*") ? "bash"
                : null;
        return interpreter == null ? Optional.empty() : entry(interpreter);
    }

    /** A grammar's address, and the object (if any) whose reachability keeps its library loaded. */
    private record Grammar(long pointer, Object owner) { }

    /** One language: its file-name patterns (a literal, {@code *.ext} or {@code prefix.*}), grammar and tagger. */
    static final class Entry {
        private final String name;
        private final List<String> patterns;
        private final Supplier<Grammar> grammarFactory;
        private final String queryName;
        private final Function<TagQuery, Tagger> taggerFactory;
        private volatile Loaded loaded;

        Entry(String name, List<String> patterns, Supplier<Grammar> grammar, String queryName,
              Function<TagQuery, Tagger> tagger) {
            this.name = name;
            this.patterns = patterns;
            this.grammarFactory = grammar;
            this.queryName = queryName;
            this.taggerFactory = tagger;
        }

        String name() {
            return name;
        }

        /** The grammar's address, for {@link NativeTreeSitter#parserNew}. */
        long grammar() {
            return load().grammar.pointer();
        }

        Tagger tagger() {
            return load().tagger;
        }

        private boolean claims(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            for (String pattern : patterns) {
                boolean matches = pattern.startsWith("*")
                        ? lower.endsWith(pattern.substring(1)) && lower.length() > pattern.length() - 1
                        : pattern.endsWith("*") ? lower.startsWith(pattern.substring(0, pattern.length() - 1))
                        : lower.equals(pattern);
                if (matches) {
                    return true;
                }
            }
            return false;
        }

        private Loaded load() {
            Loaded result = loaded;
            if (result == null) {
                synchronized (this) {
                    result = loaded;
                    if (result == null) {
                        Grammar grammar = grammarFactory.get();
                        String file = queryName + "-tags.scm";
                        TagQuery query = TagQuery.compile(grammar.pointer(), file, readQuery(file));
                        result = new Loaded(grammar, taggerFactory.apply(query));
                        loaded = result;
                    }
                }
            }
            return result;
        }

        /** The query text, after the text of any query it names on an {@code ; inherits: <name>} line. */
        private static String readQuery(String file) {
            String text;
            try (InputStream in = LanguageRegistry.class.getResourceAsStream(QUERY_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("tags query " + QUERY_DIR + file + " is missing from the classpath");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read tags query " + file, e);
            }
            StringBuilder inherited = new StringBuilder();
            for (String line : text.lines().toList()) {
                if (line.startsWith(INHERITS)) {
                    inherited.append(readQuery(line.substring(INHERITS.length()).strip() + "-tags.scm")).append('\n');
                }
            }
            return inherited + text;
        }

        private record Loaded(Grammar grammar, Tagger tagger) { }
    }
}
