package dev.daalu.indexer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {".env", "app/.env.production", "deploy/prod.env", "certs/tls.key", "id_ed25519",
            ".git-credentials", "envs/prod/terraform.tfstate", "envs/prod/terraform.tfstate.backup", ".terraformrc",
            "terraform.rc", "home/.terraform.d/credentials.tfrc.json", "secrets/prod.tfvars", "envs/prod/.secrets/db.txt",
            "charts/app/secret.yaml", ".kube/config", "ci/.docker/config.json", ".vault-token", "kubeconfig"})
    void secretFilesAreKnownByNameOrDirectory(String path) {
        assertTrue(SecretFiles.isSecret(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {".env.example", "envs/prod/terraform.tfvars", "envs/prod/prod.auto.tfvars", "config.json",
            "charts/app/templates/secret-store.yaml", "docs/secrets-management.md", "modules/kms/main.tf",
            "k8s/config", "environment.py"})
    void ordinaryFilesAreNot(String path) {
        assertFalse(SecretFiles.isSecret(path), path);
    }
}
