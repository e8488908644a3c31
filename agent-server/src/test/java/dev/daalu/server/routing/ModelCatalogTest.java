package dev.daalu.server.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelCatalogTest {

    @Test
    void holdsTheThreeModelsWithTheirHardwareAndWindows() {
        ModelCatalog catalog = ModelCatalog.bundled();

        assertEquals(List.of("qwen2.5-coder-14b-awq", "qwen2.5-coder-32b-awq", "qwen3-coder-30b-a3b-fp8"),
                catalog.models().stream().map(CatalogModel::id).toList());
        assertEquals(List.of(16, 48, 48), catalog.models().stream().map(CatalogModel::minGpuMemoryGb).toList());
        assertEquals(List.of(8192, 32768, 65536), catalog.models().stream().map(CatalogModel::contextWindow).toList());
        assertEquals("qwen2.5-coder-14b-awq", catalog.defaultModel().id());
    }

    @Test
    void findsAModelByAnyNameAServerServesItUnder() {
        ModelCatalog catalog = ModelCatalog.bundled();

        assertEquals("qwen3-coder-30b-a3b-fp8", catalog.find("qwen3-coder-30b").orElseThrow().id());
        assertEquals("qwen2.5-coder-14b-awq", catalog.find("qwen2.5-coder:14b").orElseThrow().id());
        assertEquals(false, catalog.find("gpt-4o").isPresent());
    }
}
