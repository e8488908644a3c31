package dev.daalu.indexer.parse;

import java.util.Objects;

/**
 * One tag found by a grammar's tags query: a definition or a reference of an identifier.
 *
 * @param name the identifier as it appears ({@code aws_s3_bucket.logs} for a Terraform resource)
 * @param role definition or reference
 * @param kind what is defined or referenced: {@code function}, {@code class}, {@code method},
 *     {@code resource}, {@code variable}, {@code heading}, {@code key}, {@code stage}, {@code call}...
 * @param line 1-based line
 * @param signature for a definition, its first source line trimmed and capped (what the repo map shows);
 *     empty for a reference
 */
public record Tag(String name, Role role, String kind, int line, String signature) {

    public enum Role { DEFINITION, REFERENCE }

    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        signature = signature == null ? "" : signature;
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1-based: " + line);
        }
    }

    public boolean isDefinition() {
        return role == Role.DEFINITION;
    }
}
