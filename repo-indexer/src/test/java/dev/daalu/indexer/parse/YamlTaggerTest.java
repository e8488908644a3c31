package dev.daalu.indexer.parse;

import dev.daalu.indexer.IndexConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTaggerTest {

    private final TreeSitterParser parser = new TreeSitterParser(IndexConfig.defaults());

    @Test
    void chartYamlDefinesTheChartAndItsDependencies() {
        String chart = """
                apiVersion: v2
                name: web
                version: 0.3.1
                dependencies:
                  - name: redis
                    version: 18.x.x
                """;

        FileTags tags = parser.parse("charts/web/Chart.yaml", chart);

        assertEquals(List.of("chart web@2 [name: web  version: 0.3.1]", "dependency redis@5 [- name: redis]"),
                definitions(tags));
        assertTrue(references(tags).contains("chart redis@5"));
    }

    @Test
    void valuesKeysAreDottedPathsUpToThreeLevelsAndNotInsideLists() {
        String values = """
                image:
                  repository: registry.example.com/web
                  tag: "2.4.0"
                resources:
                  limits:
                    cpu: 500m
                    nested:
                      tooDeep: true
                hosts:
                  - name: a
                """;

        FileTags tags = parser.parse("charts/web/values-prod.yaml", values);

        assertEquals(List.of("key image@1 [image:]", "key image.repository@2 [image.repository: registry.example.com/web]",
                "key image.tag@3 [image.tag: 2.4.0]", "key resources@4 [resources:]",
                "key resources.limits@5 [resources.limits:]", "key resources.limits.cpu@6 [resources.limits.cpu: 500m]",
                "key resources.limits.nested@7 [resources.limits.nested:]", "key hosts@9 [hosts:]"), definitions(tags));
    }

    @Test
    void aTemplateIsBlankedSoItsYamlParsesOnTheSameLinesAndItsValuesReferencesLink() {
        String template = """
                {{- if .Values.enabled }}
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "web.fullname" . }}
                spec:
                  replicas: {{ .Values.replicaCount }}
                  template:
                    spec:
                      containers:
                        - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                          envFrom:
                            - secretRef:
                                name: web-secrets
                {{- end }}
                """;

        FileTags tags = parser.parse("charts/web/templates/deployment.yaml", template);

        assertEquals(List.of("manifest Deployment/{{ include \"web.fullname\" . }}@3"
                + " [kind: Deployment  name: {{ include \"web.fullname\" . }}]"), definitions(tags));
        assertEquals(List.of("value enabled@1", "template web.fullname@5", "value replicaCount@7",
                "value image.repository@11", "value image.tag@11", "manifest Secret/web-secrets@14"), references(tags));
    }

    @Test
    void blankingKeepsEveryByteOffsetAndLine() {
        SourceText source = SourceText.of("a: {{ x }}\nb: {{\n  y }}\nc: ü{{z}}\n");

        SourceText blank = YamlTagger.blankTemplateActions(source);

        assertEquals(source.length(), blank.length());
        String expected = "a: " + " ".repeat(7) + "\nb: " + " ".repeat(2) + "\n" + " ".repeat(6) + "\nc: ü" + " ".repeat(5) + "\n";
        assertEquals(expected, blank.text(0, blank.length()));
    }

    @Test
    void helpersDefineTemplatesAndMultipleDocumentsEachDefineTheirObject() {
        FileTags helpers = parser.parse("charts/web/templates/_helpers.tpl",
                "{{- define \"web.fullname\" -}}\n{{ .Release.Name }}\n{{- end }}\n");
        FileTags manifests = parser.parse("k8s/app.yaml", """
                kind: ServiceAccount
                metadata:
                  name: shop
                ---
                kind: Deployment
                metadata:
                  name: shop
                spec:
                  template:
                    spec:
                      serviceAccountName: shop
                      volumes:
                        - persistentVolumeClaim:
                            claimName: data
                """);

        assertEquals(List.of("template web.fullname@1 [{{- define \"web.fullname\" -}}]"), definitions(helpers));
        assertEquals(List.of("manifest ServiceAccount/shop@1 [kind: ServiceAccount  name: shop]",
                "manifest Deployment/shop@5 [kind: Deployment  name: shop]"), definitions(manifests));
        assertEquals(List.of("manifest ServiceAccount/shop@11", "manifest PersistentVolumeClaim/data@14"),
                references(manifests));
    }

    @Test
    void plainYamlThatIsNeitherChartValuesNorManifestHasNoTags() {
        FileTags tags = parser.parse(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu\n");

        assertEquals("yaml", tags.language());
        assertEquals(List.of(), tags.tags());
    }

    private static List<String> definitions(FileTags tags) {
        return tags.tags().stream().filter(Tag::isDefinition)
                .map(t -> t.kind() + " " + t.name() + "@" + t.line() + " [" + t.signature() + "]").toList();
    }

    private static List<String> references(FileTags tags) {
        return tags.tags().stream().filter(t -> !t.isDefinition()).map(t -> t.kind() + " " + t.name() + "@" + t.line())
                .toList();
    }
}
