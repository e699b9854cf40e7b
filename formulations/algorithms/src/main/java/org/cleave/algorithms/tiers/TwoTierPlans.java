package org.cleave.algorithms.tiers;

import java.util.Arrays;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;

/**
 * The exact optima of P1-3T restricted to two tiers, the plans a two-tier solver could offer, each
 * found by one minimum cut on {@link TiersCutNetwork} with the third tier forbidden
 * ({@link TiersCutNetwork#restrict}):
 * <ul>
 *   <li>{@link Pair#DEVICE_EDGE}: P1 on device | edge over link 1 (the cloud unused);</li>
 *   <li>{@link Pair#DEVICE_CLOUD}: device | cloud, the edge only relaying (a tensor pays link 1 and
 *   link 2, the result both downlinks);</li>
 *   <li>{@link Pair#EDGE_CLOUD}: the device only holds the input and passes it on (every other
 *   layer on the edge or in the cloud).</li>
 * </ul>
 * Also the second step of DADS applied twice: the cheapest edge | cloud split of a fixed device side.
 */
public final class TwoTierPlans {
    /** A pair of tiers. */
    public enum Pair {
        /** device and edge. */
        DEVICE_EDGE(0b011),
        /** device and cloud (the edge relays). */
        DEVICE_CLOUD(0b101),
        /** edge and cloud (the device passes the input through). */
        EDGE_CLOUD(0b110);

        private final int mask;

        Pair(int mask) {
            this.mask = mask;
        }
    }

    private TwoTierPlans() {
    }

    /** The cheapest monotone plan using only the tiers of {@code pair} (the input always on the device). */
    public static TierPlacement solve(TiersProblem problem, Pair pair) {
        int[] allowed = new int[problem.graph().size()];
        Arrays.fill(allowed, pair.mask);
        allowed[0] = 0b001;
        return solveRestricted(problem, allowed);
    }

    /**
     * The cheapest split of the layers beyond {@code device} into edge and cloud, the layers in
     * {@code device} (a down-set containing the input) staying on the device.
     */
    public static TierPlacement splitBeyond(TiersProblem problem, boolean[] device) {
        int[] allowed = new int[device.length];
        for (int v = 0; v < device.length; v++) {
            allowed[v] = device[v] ? 0b001 : 0b110;
        }
        allowed[0] = 0b001;
        return solveRestricted(problem, allowed);
    }

    /** The cheapest plan whose layer v takes a tier in the bit mask {@code allowed[v]}. */
    static TierPlacement solveRestricted(TiersProblem problem, int[] allowed) {
        TiersCutNetwork net = TiersCutNetwork.compile(problem);
        net.restrict(allowed);
        net.solve();
        return net.plan();
    }

    /** The device side of {@code plan} as a mask. */
    static boolean[] deviceSide(TierPlacement plan) {
        boolean[] d = new boolean[plan.size()];
        for (int v = 0; v < d.length; v++) {
            d[v] = plan.tier(v) == Tier.DEVICE;
        }
        return d;
    }
}
