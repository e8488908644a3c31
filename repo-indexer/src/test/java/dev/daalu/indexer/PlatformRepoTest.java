package dev.daalu.indexer;

import dev.daalu.indexer.testing.PlatformRepo;
import dev.daalu.indexer.testing.TestIndexes;
import dev.daalu.indexer.testing.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.daalu.indexer.testing.TestIndexes.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index, search and map over a platform team's infrastructure monorepo (repos/platform: Terraform modules
 * and environments, Helm charts, manifests, runbooks, scripts), with the real parser and ranking.
 */
class PlatformRepoTest {

    @TempDir
    static Path temp;
    private static RepoIndex index;
    private static IndexStatus status;
    /** Every file's definitions as {@code kind name @line}, from a map large enough to show them all. */
    private static Map<String, List<String>> definitions;

    @BeforeAll
    static void indexThePlatformRepository() throws IOException {
        Path repo = PlatformRepo.copyTo(Files.createDirectory(temp.resolve("platform")));
        Workspace.git(repo, "init", "-q");
        index = RepoIndexer.builder().root(repo)
                .config(IndexConfig.defaults().withIndexDir(temp.resolve("index")).withThreads(2))
                .clock(TestIndexes.AHEAD).build();
        status = index.refresh(IndexListener.NONE);
        definitions = index.map(RepoMapRequest.of(RepoMapRequest.MAX_TOKENS)).files().stream()
                .collect(Collectors.toMap(RepoMap.MapFile::path, f -> f.definitions().stream()
                        .map(e -> e.kind() + " " + e.name() + " @" + e.line()).toList()));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void indexesEveryFileExceptTerraformWorkingFilesStateAndCrashLogs() {
        List<String> ignored = List.of("terraform/envs/prod/.terraform/modules/modules.json",
                "terraform/envs/prod/.terraform/providers/registry.terraform.io/hashicorp/aws/5.43.0/linux_amd64/README.md",
                "terraform/envs/prod/.terraform/terraform.tfstate", "terraform/envs/prod/crash.log",
                "terraform/envs/prod/terraform.tfstate", "terraform/envs/prod/terraform.tfstate.backup");
        assertTrue(PlatformRepo.storedFiles().containsAll(ignored));
        assertEquals(PlatformRepo.storedFiles().size() - ignored.size(), status.filesTotal());
        assertEquals(List.of(), status.problems());
        assertEquals(0, status.parseSkipped());
    }

    @Test
    void terraformBlocksAreDefinitionsNamedAsTerraformReferencesThem() {
        assertDefines("terraform/modules/s3-bucket/main.tf", "resource aws_s3_bucket.this @6",
                "resource aws_s3_bucket.logs @77", "data data.aws_iam_policy_document.bucket_policy @105",
                "resource aws_s3_bucket_policy.this @139", "local local.sse_algorithm @3");
        assertDefines("terraform/modules/network/locals.tf", "local local.az_count @2", "local local.public_subnets @4",
                "local local.private_subnets @8", "local local.nat_gateway_zones @12", "local local.common_tags @14");
        assertDefines("terraform/modules/eks-cluster/node_groups.tf", "resource aws_eks_node_group.this @29");
        assertDefines("terraform/modules/rds-postgres/variables.tf", "variable var.backup_retention_days @67");
        assertDefines("terraform/modules/network/outputs.tf", "output output.private_subnet_ids @16");
        assertDefines("terraform/envs/prod/main.tf", "module module.network @25", "module module.orders_db @47",
                "resource aws_iam_policy.external_dns @131");
        assertDefines("terraform/envs/prod/providers.tf", "provider provider.aws @1", "provider provider.aws @14");
        assertDefines("terraform/envs/prod/imports.tf", "resource aws_s3_bucket.state_access_logs @13");
    }

    @Test
    void helmChartsValuesAndManifestsAreDefinitions() {
        assertDefines("charts/orders/Chart.yaml", "chart orders @2", "dependency app @8", "dependency worker @12",
                "dependency redis @16");
        assertDefines("charts/app/values.yaml", "key image.tag @6", "key ingress.className @39",
                "key autoscaling.targetCPUUtilizationPercentage @59");
        assertDefines("charts/orders/values-prod.yaml", "key api.autoscaling.maxReplicas @16");
        assertDefines("charts/app/templates/_helpers.tpl", "template app.fullname @13",
                "template app.serviceAccountName @54");
        assertDefines("k8s/cluster-addons/external-dns.yaml", "manifest ServiceAccount/external-dns @2",
                "manifest ClusterRole/external-dns @10", "manifest ClusterRoleBinding/external-dns @22",
                "manifest Deployment/external-dns @35");
    }

    @Test
    void templatedManifestNamesKeepTheirTemplateText() {
        assertDefines("charts/app/templates/deployment.yaml", "manifest Deployment/{{ include \"app.fullname\" . }} @2");
        assertDefines("charts/orders/templates/networkpolicy.yaml", "manifest NetworkPolicy/{{ .Release.Name }}-ingress @3");
        assertDefines("charts/app/templates/tests/test-connection.yaml",
                "manifest Pod/{{ include \"app.fullname\" . }}-test-connection @2");
    }

    @Test
    void runbooksDockerfileScriptsAndToolsHaveTheirDefinitions() {
        assertDefines("runbooks/rds-failover.md", "heading RDS failover and recovery @1", "heading Forcing a failover @28");
        assertDefines("Dockerfile", "stage downloads @5", "stage python-deps @15", "stage toolbox @19");
        assertDefines("scripts/deploy.sh", "function deploy_release @20", "function rollback_release @33");
        assertDefines("scripts/lib.sh", "function require_env @16", "function kube_context @31");
        assertDefines("tools/check_values.py", "class MissingKey @18", "function check_chart @51");
        assertDefines("tools/tag_audit.py", "class Finding @16", "method render @20");
    }

    @Test
    void aTemplateLinksToTheValuesKeysAndHelpersItUses() throws IOException {
        RepoMap map = index.map(RepoMapRequest.of(512, "charts/app/templates/deployment.yaml"));

        List<String> paths = map.files().stream().map(RepoMap.MapFile::path).toList();
        assertEquals("charts/app/templates/deployment.yaml", paths.get(0));
        assertEquals("charts/app/values.yaml", paths.get(1));
        assertTrue(paths.contains("charts/app/templates/_helpers.tpl"), paths.toString());
        assertTrue(map.text().contains("  6: image.tag:\n"), map.text());
        assertTrue(map.text().contains("  13: {{- define \"app.fullname\" -}}\n"), map.text());
    }

    @Test
    void aTemplateLiteralFindsExactlyTheLinesWritingIt() {
        assertEquals(List.of(
                "charts/worker/templates/cronjob.yaml:20:54:              image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"",
                "charts/worker/templates/deployment.yaml:22:50:          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\""),
                search(SearchQuery.of("{{ .Values.image.tag }}")));
    }

    @Test
    void aResourceAddressFindsItsUsesButNothingInStateCrashLogsOrTerraformCaches() {
        assertEquals(List.of(
                "terraform/modules/s3-bucket/main.tf:86:12:  bucket = aws_s3_bucket.logs[0].id",
                "terraform/modules/s3-bucket/main.tf:101:19:  target_bucket = aws_s3_bucket.logs[0].id",
                "terraform/modules/s3-bucket/README.md:5:54:logging to a `<bucket_name>-logs` companion bucket (`aws_s3_bucket.logs`).",
                "terraform/modules/s3-bucket/outputs.tf:18:38:  value       = var.access_logging ? aws_s3_bucket.logs[0].id : null"),
                search(SearchQuery.of("aws_s3_bucket.logs")));
    }

    @Test
    void aRegexFindsEveryBucketResource() {
        assertEquals(List.of(
                "terraform/envs/prod/imports.tf:13:1:resource \"aws_s3_bucket\" \"state_access_logs\" {",
                "terraform/modules/s3-bucket/main.tf:6:1:resource \"aws_s3_bucket\" \"this\" {",
                "terraform/modules/s3-bucket/main.tf:77:1:resource \"aws_s3_bucket\" \"logs\" {"),
                search(SearchQuery.regex("^resource \"aws_s3_bucket\" \"\\w+\"")));
    }

    @Test
    void anIdentifierInOneNamingStyleFindsTheOthers() {
        assertEquals(List.of(
                "terraform/modules/s3-bucket/main.tf:105:33:data \"aws_iam_policy_document\" \"bucket_policy\" {",
                "terraform/modules/s3-bucket/main.tf:139:18:resource \"aws_s3_bucket_policy\" \"this\" {",
                "terraform/modules/s3-bucket/main.tf:141:41:  policy = data.aws_iam_policy_document.bucket_policy.json"),
                search(SearchQuery.of("bucketPolicy")));
    }

    @Test
    void lockfilesAreSearchableButNotMapped() throws IOException {
        assertEquals(List.of(
                "terraform/envs/dev/.terraform.lock.hcl:25:11:provider \"registry.terraform.io/hashicorp/tls\" {",
                "terraform/envs/prod/.terraform.lock.hcl:25:11:provider \"registry.terraform.io/hashicorp/tls\" {",
                "terraform/envs/staging/.terraform.lock.hcl:25:11:provider \"registry.terraform.io/hashicorp/tls\" {"),
                search(SearchQuery.of("registry.terraform.io/hashicorp/tls")));
        assertFalse(definitions.keySet().stream().anyMatch(p -> p.endsWith(".terraform.lock.hcl")),
                definitions.keySet().toString());
    }

    @Test
    void theDefaultMapFitsItsBudgetAndUsesMostOfIt() throws IOException {
        RepoMap map = index.map(RepoMapRequest.of(1024));

        assertTrue(map.tokens() <= 1024 && map.tokens() >= 900, "tokens " + map.tokens());
        assertEquals(status.parsedFiles(), map.filesRanked());
    }

    @Test
    void aFocusOnAnEnvironmentRanksTheModulesItCalls() throws IOException {
        RepoMap map = index.map(RepoMapRequest.of(1024, "terraform/envs/prod/main.tf"));

        List<String> paths = map.files().stream().map(RepoMap.MapFile::path).toList();
        assertEquals("terraform/envs/prod/main.tf", paths.get(0));
        List<String> top = paths.subList(0, 8);
        for (String module : List.of("rds-postgres", "s3-bucket", "eks-cluster")) {
            assertTrue(top.contains("terraform/modules/" + module + "/variables.tf"), top.toString());
        }
        for (String module : List.of("network", "rds-postgres", "kms", "s3-bucket", "observability")) {
            assertTrue(paths.contains("terraform/modules/" + module + "/outputs.tf"), module + " outputs in " + paths);
        }
        assertTrue(map.tokens() <= 1024, "tokens " + map.tokens());
    }

    private static void assertDefines(String path, String... expected) {
        List<String> actual = definitions.get(path);
        assertTrue(actual != null, path + " is not in the map");
        for (String definition : expected) {
            assertTrue(actual.contains(definition), path + " lacks " + definition + ": " + actual);
        }
    }

    private static List<String> search(SearchQuery query) {
        return lines(TestIndexes.search(index, query.withMaxResults(200)));
    }
}
