package org.cleave.algorithms.partition;

import java.util.Collections;
import java.util.List;
import org.cleave.core.model.InvalidModelException;

/**
 * A least cost as a piecewise function of the uplink rate R over a range [R_from, R_to]: the
 * result type shared by the P1 map ({@link BandwidthMap}) and the P2 map
 * ({@code org.cleave.algorithms.exits.ExitsBandwidthMap}).
 *
 * <p>Each {@link Interval} holds a plan that is optimal on it and the plan's cost line
 * {@code a + b·y} in y = 1/R: {@code a} ({@link Interval#fixedCost()}) collects the terms that do
 * not depend on the uplink, {@code b} ({@link Interval#sentBitCost()}) the weighted bits sent up.
 * Intervals tile the range by increasing bandwidth; interval i ends and interval i+1 starts at
 * breakpoint i. Units: bit/s, costs in the mapped cost's unit.
 *
 * @param <T> the interval type, which carries the family's plan
 */
public class UplinkMap<T extends UplinkMap.Interval> {
    /** One interval of a map: a plan optimal on [from, to] and its cost line {@code fixedCost + sentBitCost / R}. */
    public interface Interval {
        /** Lower end of the interval, bit/s. */
        double fromUplinkBitsPerSecond();

        /** Upper end of the interval, bit/s. */
        double toUplinkBitsPerSecond();

        /** a: the cost terms independent of the uplink. */
        double fixedCost();

        /** b: weighted bits sent up (cost·bit/s), so the upload costs b / R. */
        double sentBitCost();

        /** The plan's cost at uplink {@code bitsPerSecond}. */
        default double costAt(double bitsPerSecond) {
            return fixedCost() + sentBitCost() / bitsPerSecond;
        }
    }

    private final List<T> pieces;
    private final int minCutCalls;

    /**
     * A map of {@code pieces} (at least one, by increasing bandwidth, tiling the range).
     *
     * @param minCutCalls min-cut solves made to build it
     */
    protected UplinkMap(List<T> pieces, int minCutCalls) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("pieces: a map has at least one interval");
        }
        this.pieces = Collections.unmodifiableList(pieces);
        this.minCutCalls = minCutCalls;
    }

    /** The intervals, by increasing bandwidth; consecutive intervals have different cost lines. */
    public final List<T> pieces() {
        return pieces;
    }

    /** The breakpoints (bit/s), increasing: piece i ends and piece i+1 starts at breakpoint i. */
    public final double[] breakpoints() {
        double[] b = new double[pieces.size() - 1];
        for (int i = 0; i + 1 < pieces.size(); i++) {
            b[i] = pieces.get(i).toUplinkBitsPerSecond();
        }
        return b;
    }

    /**
     * The interval holding uplink {@code bitsPerSecond} (the lower one at a breakpoint).
     *
     * @throws InvalidModelException naming {@code uplinkBitsPerSecond} if the rate is outside the range
     */
    public final T pieceAt(double bitsPerSecond) {
        T last = pieces.get(pieces.size() - 1);
        if (!(bitsPerSecond >= pieces.get(0).fromUplinkBitsPerSecond()
                && bitsPerSecond <= last.toUplinkBitsPerSecond())) {
            throw new InvalidModelException("uplinkBitsPerSecond", "must be in the map's range ["
                    + pieces.get(0).fromUplinkBitsPerSecond() + ", " + last.toUplinkBitsPerSecond() + "], got "
                    + bitsPerSecond);
        }
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bitsPerSecond <= pieces.get(mid).toUplinkBitsPerSecond()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return pieces.get(lo);
    }

    /** The least mapped cost at uplink {@code bitsPerSecond}. */
    public final double costAt(double bitsPerSecond) {
        return pieceAt(bitsPerSecond).costAt(bitsPerSecond);
    }

    /** Number of min-cut solves made to build the map. */
    public final int minCutCalls() {
        return minCutCalls;
    }
}
