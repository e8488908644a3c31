package dev.daalu.server.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured inference tier.
 *
 * @param id name of the tier, e.g. {@code team-gpu}
 * @param kind where it runs
 * @param baseUrl its OpenAI-compatible base URL, e.g. {@code http://10.0.0.5:8000/v1}
 * @param online whether it is in service (an offline tier is skipped)
 * @param gpus its GPUs
 * @param apiKey optional bearer key; null when none
 */
public record Tier(String id, TierKind kind, URI baseUrl, boolean online, List<Gpu> gpus, String apiKey) {

    public Tier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        gpus = List.copyOf(gpus);
    }

    /** A GPU of a tier: its name and memory in GB. */
    public record Gpu(String name, int memoryGb) { }

    /** The largest GPU memory of this tier in GB (0 when it lists none). */
    public int largestGpuGb() {
        return gpus.stream().mapToInt(Gpu::memoryGb).max().orElse(0);
    }

    /** {@code scheme://host:port} of the base URL, the unit the perimeter allows. */
    public String origin() {
        return origin(baseUrl);
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
