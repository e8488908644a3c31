package dev.daalu.server.routing;

import java.util.Locale;

/**
 * Where an inference tier runs. Coding prompts may go only to the first three, in this order of preference;
 * {@link #EXTERNAL} is never chosen, whatever the configuration says.
 */
public enum TierKind {
    OWN_GPU("own-gpu", true),
    DAALU_POOL("daalu-pool", true),
    OPERATOR_OVERRIDE("operator-override", true),
    EXTERNAL("external", false);

    private final String wire;
    private final boolean allowed;

    TierKind(String wire, boolean allowed) {
        this.wire = wire;
        this.allowed = allowed;
    }

    public String wire() {
        return wire;
    }

    /** Whether coding prompts may ever be sent to a tier of this kind. */
    public boolean allowedForCode() {
        return allowed;
    }

    /** @throws IllegalArgumentException for an unknown kind, naming the known ones */
    public static TierKind parse(String text) {
        for (TierKind kind : values()) {
            if (kind.wire.equals(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown tier kind '" + text + "' (expected own-gpu, daalu-pool, "
                + "operator-override or external)");
    }
}
