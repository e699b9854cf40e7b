package org.cleave.core.tiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;

/**
 * A three-tier plan: the tier of every layer of a {@link DnnGraph}, by topological index
 * (0 device, 1 edge, 2 cloud).
 *
 * <p>Equivalently two nested binary placements x¹ ≥ x²: x¹_v = [tier(v) ≥ edge] and
 * x²_v = [tier(v) = cloud] ({@link #beyond(Tier)}). The plan is <em>monotone</em> when the input
 * is on the device and tier(u) ≤ tier(v) for every arc u → v, i.e. both x¹ and x² are monotone
 * P1 placements. Immutable: the array is copied in and out.
 *
 * @param tiers the tier index of every layer
 */
public record TierPlacement(int[] tiers) {
    public TierPlacement {
        if (tiers == null) {
            throw new InvalidModelException("placement", "is required, got null");
        }
        tiers = tiers.clone();
        for (int v = 0; v < tiers.length; v++) {
            if (tiers[v] < 0 || tiers[v] > 2) {
                throw new InvalidModelException("placement[" + v + "]", "must be a tier 0 (device), 1 (edge)"
                        + " or 2 (cloud), got " + tiers[v]);
            }
        }
    }

    /** The plan with x¹ = {@code beyondDevice}, x² = {@code inCloud} (tier = x¹ + x²). */
    public static TierPlacement ofNested(boolean[] beyondDevice, boolean[] inCloud) {
        int[] t = new int[beyondDevice.length];
        for (int v = 0; v < t.length; v++) {
            if (inCloud[v] && !beyondDevice[v]) {
                throw new InvalidModelException("placement[" + v + "]", "in the cloud but not beyond the device");
            }
            t[v] = (beyondDevice[v] ? 1 : 0) + (inCloud[v] ? 1 : 0);
        }
        return new TierPlacement(t);
    }

    /** Every layer on one tier but the input, which stays on the device. */
    public static TierPlacement allButInputOn(int size, Tier tier) {
        int[] t = new int[size];
        Arrays.fill(t, 1, size, tier.ordinal());
        return new TierPlacement(t);
    }

    /** The two-tier plan {@code p} with its edge side put on {@code far} and its device side on {@code near}. */
    public static TierPlacement fromTwoTier(Placement p, Tier near, Tier far) {
        int[] t = new int[p.size()];
        for (int v = 0; v < t.length; v++) {
            t[v] = p.onEdge(v) ? far.ordinal() : near.ordinal();
        }
        if (t.length > 0) {
            t[0] = Tier.DEVICE.ordinal();
        }
        return new TierPlacement(t);
    }

    @Override
    public int[] tiers() {
        return tiers.clone();
    }

    /** Number of layers. */
    public int size() {
        return tiers.length;
    }

    /** The tier of layer {@code v}. */
    public Tier tier(int v) {
        return Tier.of(tiers[v]);
    }

    /** The tier index of layer {@code v} (0, 1, 2). */
    public int tierIndex(int v) {
        return tiers[v];
    }

    /** Number of layers on {@code tier}. */
    public int count(Tier tier) {
        int c = 0;
        for (int t : tiers) {
            if (t == tier.ordinal()) {
                c++;
            }
        }
        return c;
    }

    /** The binary placement [tier(v) ≥ {@code tier}] (x¹ for edge, x² for cloud) as a P1 placement. */
    public Placement beyond(Tier tier) {
        boolean[] b = new boolean[tiers.length];
        for (int v = 0; v < b.length; v++) {
            b[v] = tiers[v] >= tier.ordinal();
        }
        return Placement.of(b);
    }

    /** Ids of the layers of {@code graph} on {@code tier}, in topological order. */
    public List<String> layerIds(DnnGraph graph, Tier tier) {
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < tiers.length; v++) {
            if (tiers[v] == tier.ordinal()) {
                ids.add(graph.layer(v).id());
            }
        }
        return ids;
    }

    /**
     * Checks that this plan fits {@code graph} and is monotone.
     *
     * @throws InvalidModelException naming the first offending layer or arc
     */
    public void requireMonotone(DnnGraph graph) {
        if (tiers.length != graph.size()) {
            throw new InvalidModelException("placement", "has " + tiers.length + " layers, the graph has "
                    + graph.size());
        }
        if (tiers[0] != 0) {
            throw new InvalidModelException("placement", "the input \"" + graph.input().id()
                    + "\" must run on the device, got " + Tier.of(tiers[0]).key());
        }
        for (int u = 0; u < tiers.length; u++) {
            for (int k = 0; k < graph.outDegree(u); k++) {
                int v = graph.successor(u, k);
                if (tiers[v] < tiers[u]) {
                    throw new InvalidModelException("placement", "not monotone: \"" + graph.layer(u).id()
                            + "\" runs on the " + Tier.of(tiers[u]).key() + " but its consumer \""
                            + graph.layer(v).id() + "\" runs on the " + Tier.of(tiers[v]).key());
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierPlacement p && Arrays.equals(p.tiers, tiers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tiers);
    }

    @Override
    public String toString() {
        return "TierPlacement" + Arrays.toString(tiers);
    }
}
