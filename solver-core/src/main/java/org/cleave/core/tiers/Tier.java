package org.cleave.core.tiers;

/**
 * The three tiers of {@link TiersProblem}, in their order along the line device — link 1 — edge —
 * link 2 — cloud. A monotone placement never moves data towards a lower tier except the final
 * result.
 */
public enum Tier {
    /** The end device (tier 0): holds the input. */
    DEVICE("device"),
    /** The edge server (tier 1), one hop from the device over link 1. */
    EDGE("edge"),
    /** The cloud (tier 2), behind the edge over link 2. */
    CLOUD("cloud");

    private final String key;

    Tier(String key) {
        this.key = key;
    }

    /** The lower-case name used in files and tables, e.g. {@code cloud}. */
    public String key() {
        return key;
    }

    /** The tier of index {@code i} (0 device, 1 edge, 2 cloud). */
    public static Tier of(int i) {
        return values()[i];
    }

    /** The tier whose {@link #key()} is {@code key}. */
    public static Tier fromKey(String key) {
        for (Tier t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tier: unknown tier \"" + key + "\"; known: device, edge, cloud");
    }
}
