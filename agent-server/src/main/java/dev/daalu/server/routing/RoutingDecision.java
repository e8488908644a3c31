package dev.daalu.server.routing;

/**
 * The router's choice for coding work.
 *
 * @param tier the chosen tier, or null when none can serve
 * @param model the catalog model the workspace chose
 * @param reason why this tier (or why none), for the user
 */
public record RoutingDecision(Tier tier, CatalogModel model, String reason) {

    public boolean canServe() {
        return tier != null;
    }
}
