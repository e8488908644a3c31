package dev.daalu.server.routing;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the inference tier for coding work: only {@code own-gpu}, then {@code daalu-pool}, then
 * {@code operator-override}, skipping offline tiers and tiers whose GPUs cannot hold the chosen model. An
 * {@code external} tier is never considered. When no allowed tier can serve, the decision says why; there is
 * no fallback.
 *
 * <p>Immutable and thread-safe.
 */
public final class TierRouter {

    private static final Comparator<Tier> PREFERENCE = Comparator.comparingInt(t -> t.kind().ordinal());

    private final List<Tier> tiers;
    private final ModelCatalog catalog;

    public TierRouter(List<Tier> tiers, ModelCatalog catalog) {
        this.tiers = List.copyOf(tiers);
        this.catalog = catalog;
    }

    public List<Tier> tiers() {
        return tiers;
    }

    /** Allowed-kind tiers, in preference order (online or not). */
    public List<Tier> allowedTiers() {
        return tiers.stream().filter(t -> t.kind().allowedForCode()).sorted(PREFERENCE).toList();
    }

    /** Whether any allowed tier is configured at all: the workspace is eligible for AI work. */
    public boolean eligible() {
        return !allowedTiers().isEmpty();
    }

    /**
     * The {@code scheme://host:port} origins model calls may go to: those of the allowed-kind tiers. The perimeter
     * refuses every other destination.
     */
    public Set<String> allowedOrigins() {
        return allowedTiers().stream().map(Tier::origin).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Chooses a tier for {@code model}. */
    public RoutingDecision decide(CatalogModel model) {
        List<Tier> allowed = allowedTiers();
        if (allowed.isEmpty()) {
            String ignored = tiers.isEmpty() ? "" : " (" + tiers.size() + " external tier(s) configured are never used for code)";
            return new RoutingDecision(null, model, "No in-perimeter inference tier is configured" + ignored
                    + ": add an own-gpu, daalu-pool or operator-override tier to the tiers file, or set "
                    + "DAALU_MODEL_ENDPOINT to your own model server.");
        }
        List<Tier> online = allowed.stream().filter(Tier::online).toList();
        if (online.isEmpty()) {
            return new RoutingDecision(null, model, "Every in-perimeter inference tier is offline ("
                    + allowed.stream().map(Tier::id).collect(Collectors.joining(", ")) + "); nothing is sent elsewhere.");
        }
        Optional<Tier> fits = online.stream().filter(t -> fits(t, model)).findFirst();
        if (fits.isEmpty()) {
            return new RoutingDecision(null, model, model.displayName() + " " + whyNot(model, online));
        }
        Tier tier = fits.get();
        String skipped = online.indexOf(tier) > 0 ? "; preferred tiers cannot hold it" : "";
        return new RoutingDecision(tier, model, "Using " + tier.kind().wire() + " tier '" + tier.id() + "' ("
                + tier.baseUrl() + ") for " + model.displayName() + skipped + ".");
    }

    /** Whether each catalog model can run, and why not when it cannot. */
    public List<Eligibility> eligibility() {
        List<Tier> online = allowedTiers().stream().filter(Tier::online).toList();
        return catalog.models().stream().map(model -> {
            if (online.isEmpty()) {
                return new Eligibility(model, false, eligible() ? "no allowed tier is online" : "no in-perimeter tier is configured");
            }
            boolean ok = online.stream().anyMatch(t -> fits(t, model));
            return new Eligibility(model, ok, ok ? "" : whyNot(model, online));
        }).toList();
    }

    private static boolean fits(Tier tier, CatalogModel model) {
        // a tier that lists no GPUs (an operator's server of unknown hardware) is trusted to serve what it serves
        return tier.gpus().isEmpty() || tier.largestGpuGb() >= model.minGpuMemoryGb();
    }

    private static String whyNot(CatalogModel model, List<Tier> online) {
        int largest = online.stream().mapToInt(Tier::largestGpuGb).max().orElse(0);
        return "needs " + model.minGpuMemoryGb() + " GB; largest online GPU is " + largest + " GB";
    }

    /** Whether a catalog model can be selected, and the reason when it cannot. */
    public record Eligibility(CatalogModel model, boolean enabled, String reason) { }
}
