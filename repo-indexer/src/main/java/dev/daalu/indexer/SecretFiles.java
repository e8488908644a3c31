package dev.daalu.indexer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of files that usually hold secrets ({@code .env*}, private keys, {@code .git-credentials},
 * {@code .netrc}, ...). Their content is never indexed, searched or mapped; they stay listable by path,
 * and the agent reads one only with the user's approval.
 */
public final class SecretFiles {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "\\.env(\\..*)?|.*\\.env|\\.envrc|.*\\.pem|.*\\.key|.*\\.p12|.*\\.pfx|.*\\.jks|.*\\.keystore"
                    + "|.*id_rsa.*|.*id_dsa.*|.*id_ecdsa.*|.*id_ed25519.*|\\.git-credentials|\\.netrc|_netrc"
                    + "|\\.pgpass|\\.npmrc|\\.pypirc|credentials(\\.json)?|.*\\.tfstate(\\.backup)?"
                    + "|secrets?\\.(ya?ml|json)|kubeconfig|\\.terraformrc|terraform\\.rc|credentials\\.tfrc\\.json"
                    + "|\\.vault-token|\\.dockercfg");
    /** Whole paths: a secrets directory anywhere, and config files whose plain names say nothing. */
    private static final Pattern SECRET_PATH = Pattern.compile(
            "(.*/)?\\.?secrets?/.*|(.*/)?\\.kube/config|(.*/)?\\.docker/config\\.json");

    private SecretFiles() {
    }

    /** Whether the file name (last segment of a '/'-separated relative path), or its directory, marks a secret file. */
    public static boolean isSecret(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        String name = relativePath.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (name.equals(".env.example") || name.equals(".env.sample") || name.equals(".env.template")) {
            return false;
        }
        return SECRET_NAME.matcher(name).matches() || SECRET_PATH.matcher(relativePath.toLowerCase(Locale.ROOT)).matches();
    }
}
