package dev.daalu.server.routing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierRouterTest {

    private final ModelCatalog catalog = ModelCatalog.bundled();
    private final CatalogModel small = catalog.find("qwen2.5-coder-14b-awq").orElseThrow();
    private final CatalogModel large = catalog.find("qwen2.5-coder-32b-awq").orElseThrow();

    private static Tier tier(String id, TierKind kind, String url, boolean online, int gb) {
        return new Tier(id, kind, URI.create(url), online, List.of(new Tier.Gpu("gpu", gb)), null);
    }

    @Test
    void prefersOwnGpuThenThePoolThenTheOperatorOverride() {
        TierRouter router = new TierRouter(List.of(
                tier("override", TierKind.OPERATOR_OVERRIDE, "http://10.0.0.9:8000/v1", true, 80),
                tier("pool", TierKind.DAALU_POOL, "https://pool.example.net/v1", true, 80),
                tier("mine", TierKind.OWN_GPU, "http://10.0.0.5:8000/v1", true, 24)), catalog);

        assertEquals("mine", router.decide(small).tier().id());
        assertEquals("pool", router.decide(large).tier().id(), "own GPU too small for the 32B model");
    }

    @Test
    void neverConsidersAnExternalTierWhateverTheConfigurationSays() {
        TierRouter router = new TierRouter(List.of(
                tier("openai", TierKind.EXTERNAL, "https://api.example.com/v1", true, 1000),
                tier("mine", TierKind.OWN_GPU, "http://10.0.0.5:8000/v1", false, 24)), catalog);

        RoutingDecision decision = router.decide(small);

        assertNull(decision.tier());
        assertTrue(decision.reason().startsWith("Every in-perimeter inference tier is offline (mine)"), decision.reason());
        assertEquals(Set.of("http://10.0.0.5:8000"), router.allowedOrigins());
    }

    @Test
    void saysHowToAddATierWhenNoneIsConfigured() {
        TierRouter router = new TierRouter(List.of(tier("ext", TierKind.EXTERNAL, "https://api.example.com/v1", true, 80)), catalog);

        assertFalse(router.eligible());
        assertTrue(router.decide(small).reason().startsWith("No in-perimeter inference tier is configured (1 external"),
                router.decide(small).reason());
    }

    @Test
    void listsModelsTheHardwareCannotHoldAsDisabledWithTheReason() {
        TierRouter router = new TierRouter(List.of(tier("mine", TierKind.OWN_GPU, "http://10.0.0.5:8000/v1", true, 16)), catalog);

        List<TierRouter.Eligibility> eligibility = router.eligibility();

        assertEquals(List.of(true, false, false), eligibility.stream().map(TierRouter.Eligibility::enabled).toList());
        assertEquals("needs 48 GB; largest online GPU is 16 GB", eligibility.get(1).reason());
        assertEquals("Qwen2.5-Coder 32B AWQ needs 48 GB; largest online GPU is 16 GB", router.decide(large).reason());
    }
}
