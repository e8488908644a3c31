package dev.daalu.indexer.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathGlobTest {

    private static final List<String> PATHS = List.of("main.tf", "envs/prod/main.tf", "envs/prod/terraform.tfvars",
            "envs/prod/.terraform.lock.hcl", "modules/s3/main.tf", "charts/app/values.yaml", "vendor/lib/x.tf");

    private static List<String> selected(String glob) {
        PathGlob filter = PathGlob.of(glob);
        return PATHS.stream().filter(filter::matches).toList();
    }

    @Test
    void gitignoreSyntaxMatchesAtAnyDepthOrUnderADirectoryOrAtTheRoot() {
        assertEquals(List.of("main.tf", "envs/prod/main.tf", "modules/s3/main.tf", "vendor/lib/x.tf"), selected("*.tf"));
        assertEquals(List.of("modules/s3/main.tf"), selected("modules/**"));
        assertEquals(List.of("main.tf"), selected("/main.tf"));
    }

    @Test
    void bracesAndCommasOfferAlternatives() {
        assertEquals(List.of("main.tf", "envs/prod/main.tf", "envs/prod/terraform.tfvars", "modules/s3/main.tf", "vendor/lib/x.tf"),
                selected("*.{tf,tfvars}"));
        assertEquals(List.of("envs/prod/terraform.tfvars", "charts/app/values.yaml"), selected("*.tfvars, *.yaml"));
        assertEquals(List.of("envs/prod/main.tf", "modules/s3/main.tf"), selected("{envs,modules}/**/main.{tf,hcl}"));
    }

    @Test
    void aNegatedGlobLeavesPathsOut() {
        assertEquals(List.of("main.tf", "envs/prod/main.tf", "modules/s3/main.tf"), selected("*.tf,!vendor/**"));
        assertEquals(List.of("main.tf", "envs/prod/main.tf", "envs/prod/terraform.tfvars", "modules/s3/main.tf",
                "charts/app/values.yaml", "vendor/lib/x.tf"), selected("!*.lock.hcl"));
    }

    @Test
    void aBadGlobIsRefusedWithTheReason() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> PathGlob.of(" , "));
        assertTrue(empty.getMessage().startsWith("Invalid glob ' , '"), empty.getMessage());
        IllegalArgumentException bracket = assertThrows(IllegalArgumentException.class, () -> PathGlob.of("*.tf,["));
        assertTrue(bracket.getMessage().contains("'[' is not a pattern"), bracket.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class, () -> PathGlob.of("*.{tf,tfvars"));
        assertTrue(unclosed.getMessage().contains("a '{' is never closed"), unclosed.getMessage());
        String deep = "{".repeat(50_000) + "*.tf" + "}".repeat(50_000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PathGlob.of(deep)).getMessage().contains("at most 4096"));
        IllegalArgumentException explosive = assertThrows(IllegalArgumentException.class,
                () -> PathGlob.of("{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}"));
        assertTrue(explosive.getMessage().contains("more than 256 patterns"), explosive.getMessage());
    }
}
