package dev.daalu.server.routing;

import dev.daalu.server.config.DaaluConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The router and the chosen model for a configuration: the tiers file's tiers plus the user's own endpoint (config
 * file, {@code DAALU_MODEL_ENDPOINT} or a flag) as an {@code operator-override} tier, and the catalog model the
 * configuration names (the catalog's default otherwise). A workspace file's endpoint is honoured only when it is
 * one of those tiers.
 *
 * @param router the tier router
 * @param model the catalog model turns use
 * @param notes what was ignored or substituted, for the user
 */
public record RoutingSetup(TierRouter router, CatalogModel model, List<String> notes) {

    public static final String CONFIGURED_TIER_ID = "configured-endpoint";

    public RoutingSetup {
        notes = List.copyOf(notes);
    }

    /** @throws IOException when the tiers file cannot be read or is malformed */
    public static RoutingSetup of(DaaluConfig config, ModelCatalog catalog) throws IOException {
        List<String> notes = new ArrayList<>(config.warnings());
        List<Tier> tiers = new ArrayList<>(TiersFile.read(config.tiersFile()));
        if (config.endpoint() == null && Files.notExists(config.tiersFile())) {
            notes.add("there is no tiers file at " + config.tiersFile() + " (its place: $" + TiersFile.ENV_PATH
                    + ", else ~/.config/daalu/tiers.json)");
        }
        if (config.endpoint() != null) {
            tiers.add(new Tier(CONFIGURED_TIER_ID, TierKind.OPERATOR_OVERRIDE, URI.create(config.endpoint()), true,
                    List.of(), config.apiKey()));
        }
        if (config.workspaceEndpoint() != null && !isAllowedTier(tiers, config.workspaceEndpoint())) {
            notes.add("ignored the endpoint " + config.workspaceEndpoint() + " that the workspace's .daalu/config.json "
                    + "asks for: it is not one of your in-perimeter tiers, and a repository must not choose where its "
                    + "code is sent");
        }
        Optional<CatalogModel> chosen = config.model() == null ? Optional.of(catalog.defaultModel()) : catalog.find(config.model());
        if (chosen.isEmpty()) {
            notes.add("unknown model '" + config.model() + "' in the configuration (the catalog has "
                    + String.join(", ", catalog.models().stream().map(CatalogModel::id).toList()) + "); using "
                    + catalog.defaultModel().id());
        }
        return new RoutingSetup(new TierRouter(tiers, catalog), chosen.orElse(catalog.defaultModel()), notes);
    }

    private static boolean isAllowedTier(List<Tier> tiers, String endpoint) {
        try {
            String asked = TiersFile.baseUrl(endpoint, "endpoint").toString();
            return tiers.stream().anyMatch(t -> t.kind().allowedForCode() && t.baseUrl().toString().equals(asked));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
