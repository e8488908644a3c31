package dev.daalu.indexer.testing;

import dev.daalu.indexer.parse.FileTags;
import dev.daalu.indexer.parse.SyntaxParser;
import dev.daalu.indexer.parse.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex-based stand-in for the tree-sitter parser: a line starting with {@code def}, {@code class},
 * {@code function}, {@code func}, {@code fn}, {@code public class} or {@code export function} defines the
 * name after it; every other identifier of the form {@code call NAME} references NAME. It records every
 * file it parses, so tests can tell whether the index re-parsed a file.
 */
public final class ToyParser implements SyntaxParser {

    private static final Map<String, String> LANGUAGES = Map.of(
            "py", "python", "js", "javascript", "java", "java", "go", "go", "tf", "hcl", "rs", "rust",
            "sh", "bash", "toy", "toy");
    private static final Pattern DEFINITION = Pattern.compile(
            "^\\s*(?:export function|public class|def|class|function|func|fn)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern REFERENCE = Pattern.compile("\\bcall ([A-Za-z_][A-Za-z0-9_]*)");

    private final Queue<String> parsed = new ConcurrentLinkedQueue<>();

    @Override
    public Optional<String> languageFor(String relativePath) {
        int dot = relativePath.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(LANGUAGES.get(relativePath.substring(dot + 1)));
    }

    @Override
    public FileTags parse(String relativePath, String text) {
        parsed.add(relativePath);
        List<Tag> tags = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher definition = DEFINITION.matcher(lines[i]);
            if (definition.find()) {
                tags.add(new Tag(definition.group(1), Tag.Role.DEFINITION, "function", i + 1, lines[i].strip()));
            }
            Matcher reference = REFERENCE.matcher(lines[i]);
            while (reference.find()) {
                tags.add(new Tag(reference.group(1), Tag.Role.REFERENCE, "call", i + 1, ""));
            }
        }
        return new FileTags(languageFor(relativePath).orElse(null), tags, null);
    }

    /** Paths parsed so far, in the order parsed. */
    public List<String> parsed() {
        return List.copyOf(parsed);
    }

    public void forget() {
        parsed.clear();
    }
}
