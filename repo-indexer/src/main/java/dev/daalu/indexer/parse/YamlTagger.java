package dev.daalu.indexer.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags YAML as infrastructure engineers use it. Per file:
 * <ul>
 *   <li>{@code Chart.yaml}: the chart ({@code chart}, its name, with the version in the signature) and each
 *       dependency ({@code dependency}), which is also a reference to the chart of that name;</li>
 *   <li>{@code values*.yaml}: every key not inside a list, as a dotted path ({@code image.tag}) up to
 *       {@value #MAX_VALUES_DEPTH} levels deep ({@code key});</li>
 *   <li>any document with a top-level {@code kind} and {@code metadata.name}: a Kubernetes object named
 *       {@code Kind/name} ({@code manifest}), and references to the ConfigMaps, Secrets, volume claims,
 *       service accounts and Services it names.</li>
 * </ul>
 * Go-templated YAML (a chart's {@code templates/}, any file containing <code>{{</code>) is blanked, then
 * parsed: every template action <code>{{ ... }}</code> becomes spaces of the same byte length (line breaks
 * kept), so the YAML around it parses and every line and column stays where it was. A value that was
 * templated keeps its template text in names ({@code Deployment/{{ include "web.fullname" . }}}). From the
 * template text itself come references {@code .Values.image.tag} to values key {@code image.tag}
 * ({@code value}), {@code include}/{@code template "name"} references and {@code define "name"} definitions
 * ({@code template}), so templates link to values.yaml and to _helpers.tpl. A {@code .tpl} file is only
 * template text and is not parsed as YAML.
 */
final class YamlTagger implements Tagger {

    static final int MAX_VALUES_DEPTH = 3;

    private static final Pattern VALUES_FILE = Pattern.compile("values([-._][^/]*)?\\.ya?ml");
    private static final Pattern VALUES_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_-]*)+)");
    private static final Pattern TEMPLATE_REF = Pattern.compile("\\b(?:include|template)\\s+\"([^\"]+)\"");
    private static final Pattern TEMPLATE_DEF = Pattern.compile("\\bdefine\\s+\"([^\"]+)\"");
    /** Last two keys of a path (or the last one alone) naming another object, and that object's kind. */
    private static final Map<String, String> OBJECT_REFERENCES = Map.ofEntries(
            Map.entry("configMapRef.name", "ConfigMap"), Map.entry("configMapKeyRef.name", "ConfigMap"),
            Map.entry("configMap.name", "ConfigMap"), Map.entry("secretRef.name", "Secret"),
            Map.entry("secretKeyRef.name", "Secret"), Map.entry("secret.secretName", "Secret"),
            Map.entry("imagePullSecrets.name", "Secret"),
            Map.entry("persistentVolumeClaim.claimName", "PersistentVolumeClaim"),
            Map.entry("serviceAccountName", "ServiceAccount"), Map.entry("service.name", "Service"),
            Map.entry("serviceName", "Service"));

    private static final int DOCUMENT = 0;
    private static final int SEQUENCE = 1;
    private static final int PAIR = 2;

    private final TagQuery query;

    YamlTagger(TagQuery query) {
        this.query = query;
    }

    @Override
    public List<Tag> tags(String relativePath, SourceText source, ParseSession session) {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        TagCollector collector = new TagCollector();
        boolean templated = addTemplateTags(source, collector);
        if (!fileName.endsWith(".tpl")) {
            SourceText yaml = templated ? blankTemplateActions(source) : source;
            List<Node> nodes = new ArrayList<>();
            session.run(query, yaml, match -> nodes.add(Node.of(match)));
            new Walk(source, yaml, fileName, collector).run(nodes);
        }
        return collector.tags();
    }

    /** Adds the tags of Go template text; returns whether there was any template action. */
    private static boolean addTemplateTags(SourceText source, TagCollector collector) {
        // Latin-1 maps each byte to one char, so regex offsets are byte offsets
        String bytes = new String(source.bytes(), StandardCharsets.ISO_8859_1);
        if (!bytes.contains("{{")) {
            return false;
        }
        Matcher values = VALUES_REF.matcher(bytes);
        while (values.find()) {
            String[] keys = values.group(1).substring(1).split("\\.");
            String path = String.join(".", Arrays.copyOf(keys, Math.min(keys.length, MAX_VALUES_DEPTH)));
            reference(collector, source, values.start(1) + 1, path, "value");
        }
        Matcher includes = TEMPLATE_REF.matcher(bytes);
        while (includes.find()) {
            reference(collector, source, includes.start(1), source.text(includes.start(1), includes.end(1)), "template");
        }
        Matcher defines = TEMPLATE_DEF.matcher(bytes);
        while (defines.find()) {
            int line = source.lineOf(defines.start(1));
            collector.add(defines.start(1), 0, new Tag(source.text(defines.start(1), defines.end(1)),
                    Tag.Role.DEFINITION, "template", line, source.signature(line)));
        }
        return true;
    }

    private static void reference(TagCollector collector, SourceText source, int offset, String name, String kind) {
        collector.add(offset, 0, new Tag(name, Tag.Role.REFERENCE, kind, source.lineOf(offset), ""));
    }

    /** A copy of the text with every <code>{{ ... }}</code> turned to spaces, line breaks kept. */
    static SourceText blankTemplateActions(SourceText source) {
        byte[] bytes = source.bytes().clone();
        int i = 0;
        while (i + 1 < bytes.length) {
            if (bytes[i] == '{' && bytes[i + 1] == '{') {
                int end = i + 2;
                while (end + 1 < bytes.length && !(bytes[end] == '}' && bytes[end + 1] == '}')) {
                    end++;
                }
                end = Math.min(bytes.length, end + 2);
                for (int k = i; k < end; k++) {
                    if (bytes[k] != '\n' && bytes[k] != '\r') {
                        bytes[k] = ' ';
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return SourceText.of(bytes);
    }

    /** A document, sequence or mapping pair, by byte range; for a pair, its key and scalar value ranges. */
    private record Node(int type, int start, int end, int keyStart, int keyEnd, int valueStart, int valueEnd) {

        static Node of(TagQuery.Match match) {
            int type = -1;
            int start = 0;
            int end = 0;
            int keyStart = -1;
            int keyEnd = -1;
            int valueStart = -1;
            int valueEnd = -1;
            for (int i = 0; i < match.size(); i++) {
                switch (match.captureName(i)) {
                    case "document", "sequence", "pair" -> {
                        type = switch (match.captureName(i)) {
                            case "document" -> DOCUMENT;
                            case "sequence" -> SEQUENCE;
                            default -> PAIR;
                        };
                        start = match.start(i);
                        end = match.end(i);
                    }
                    case "key" -> {
                        keyStart = match.start(i);
                        keyEnd = match.end(i);
                    }
                    case "value" -> {
                        valueStart = match.start(i);
                        valueEnd = match.end(i);
                    }
                    default -> { }
                }
            }
            return new Node(type, start, end, keyStart, keyEnd, valueStart, valueEnd);
        }
    }

    /** One pass over the nodes of a file in document order, keeping the chain of enclosing nodes. */
    private static final class Walk {
        private final SourceText original;
        private final SourceText yaml;
        private final String fileName;
        private final boolean valuesFile;
        private final TagCollector collector;
        private final List<Frame> stack = new ArrayList<>();
        private Manifest manifest = new Manifest();
        private String chartName;
        private int chartKeyStart = -1;
        private String chartVersion = "";

        Walk(SourceText original, SourceText yaml, String fileName, TagCollector collector) {
            this.original = original;
            this.yaml = yaml;
            this.fileName = fileName;
            this.valuesFile = VALUES_FILE.matcher(fileName).matches();
            this.collector = collector;
        }

        void run(List<Node> nodes) {
            nodes.sort(Comparator.comparingInt(Node::start).thenComparing(Comparator.comparingInt(Node::end).reversed())
                    .thenComparingInt(Node::type));
            for (Node node : nodes) {
                while (!stack.isEmpty() && stack.getLast().node.end <= node.start) {
                    stack.removeLast();
                }
                if (node.type == DOCUMENT) {
                    finishDocument();
                    stack.clear();
                    stack.add(new Frame(node, List.of(), false));
                } else if (node.type == SEQUENCE) {
                    Frame parent = stack.isEmpty() ? null : stack.getLast();
                    stack.add(new Frame(node, parent == null ? List.of() : parent.path, true));
                } else if (node.keyStart >= 0) {
                    pair(node);
                }
            }
            finishDocument();
            if (chartName != null) {
                int line = original.lineOf(chartKeyStart);
                String signature = "name: " + chartName + (chartVersion.isEmpty() ? "" : "  version: " + chartVersion);
                collector.add(chartKeyStart, 0, new Tag(chartName, Tag.Role.DEFINITION, "chart", line, signature));
            }
        }

        private void pair(Node node) {
            Frame parent = stack.isEmpty() ? null : stack.getLast();
            List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path);
            path.add(unquote(yaml.text(node.keyStart, node.keyEnd)));
            boolean inSequence = parent != null && parent.inSequence;
            String value = value(node);
            stack.add(new Frame(node, List.copyOf(path), inSequence));
            String joined = String.join(".", path);
            int line = original.lineOf(node.keyStart);
            if (valuesFile && !inSequence && path.size() <= MAX_VALUES_DEPTH) {
                String signature = joined + ":" + (value.isEmpty() ? "" : " " + value);
                collector.add(node.keyStart, 0, new Tag(joined, Tag.Role.DEFINITION, "key", line, signature));
            }
            if (fileName.equals("Chart.yaml")) {
                chartPair(path, inSequence, value, node, line);
            }
            if (!inSequence && path.size() == 1 && path.getFirst().equals("kind")) {
                manifest.kind = value;
                manifest.keyStart = node.keyStart;
            } else if (!inSequence && joined.equals("metadata.name")) {
                manifest.name = value;
            }
            String lastTwo = path.size() >= 2 ? path.get(path.size() - 2) + "." + path.getLast() : null;
            String kind = lastTwo != null && OBJECT_REFERENCES.containsKey(lastTwo)
                    ? OBJECT_REFERENCES.get(lastTwo) : OBJECT_REFERENCES.get(path.getLast());
            if (kind != null && !value.isEmpty() && !value.contains("{{") && node.valueStart >= 0) {
                reference(collector, original, node.valueStart, kind + "/" + value, "manifest");
            }
        }

        private void chartPair(List<String> path, boolean inSequence, String value, Node node, int line) {
            if (value.isEmpty()) {
                return;
            }
            if (!inSequence && path.equals(List.of("name"))) {
                chartName = value;
                chartKeyStart = node.keyStart;
            } else if (!inSequence && path.equals(List.of("version"))) {
                chartVersion = value;
            } else if (inSequence && path.equals(List.of("dependencies", "name"))) {
                collector.add(node.keyStart, 0, new Tag(value, Tag.Role.DEFINITION, "dependency", line,
                        original.signature(line)));
                reference(collector, original, node.valueStart, value, "chart");
            }
        }

        /**
         * The pair's scalar value unquoted, or, when the value was templated, its template text as written
         * (<code>{{ .Release.Name }}-ingress</code>, not the {@code -ingress} blanking leaves), or "".
         */
        private String value(Node node) {
            if (yaml != original) {
                // a blanked value is no YAML node, or only its untemplated tail: take the key's line as written
                String rest = original.restOfLine(node.keyEnd).strip();
                rest = rest.startsWith(":") ? rest.substring(1).strip() : rest;
                if (rest.contains("{{")) {
                    return unquote(rest);
                }
            }
            return node.valueStart >= 0 ? unquote(yaml.text(node.valueStart, node.valueEnd)) : "";
        }

        private void finishDocument() {
            if (manifest.kind != null && !manifest.kind.isEmpty() && manifest.name != null && !manifest.name.isEmpty()) {
                int line = original.lineOf(manifest.keyStart);
                String name = manifest.kind + "/" + manifest.name;
                collector.add(manifest.keyStart, 0, new Tag(name, Tag.Role.DEFINITION, "manifest", line,
                        "kind: " + manifest.kind + "  name: " + manifest.name));
            }
            manifest = new Manifest();
        }

        private static String unquote(String text) {
            String t = text.strip();
            if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
                return t.substring(1, t.length() - 1);
            }
            return t;
        }

        private record Frame(Node node, List<String> path, boolean inSequence) { }

        private static final class Manifest {
            String kind;
            String name;
            int keyStart;
        }
    }
}
