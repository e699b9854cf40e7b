package org.cleave.algorithms.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;

/**
 * The exact optimal P1 cost and plan as a function of the uplink rate over a range
 * [R_from, R_to]: the parametric min cut.
 *
 * <p><b>Math.</b> With y = 1/R_up, a fixed plan x costs a_x + b_x·y: a_x (the compute, download
 * and latency terms, independent of R_up) and b_x = Σ_{u ∈ S(x)} w_tx·8·bytes_u (the weighted
 * bits sent up). The optimum OPT(y) = min_x (a_x + b_x·y) is concave and piecewise linear in y,
 * so the optimal plan is piecewise constant in the bandwidth. Its breakpoints are found with the
 * Eisner–Severance scheme (Eisner &amp; Severance, "Mathematical techniques for efficient record
 * segmentation in large shared databases", J. ACM 23(4), 1976, doi:10.1145/321978.321982): solve
 * at both ends of an interval, intersect the two plans' lines at y*, solve at y*; if no plan is
 * cheaper there than the two lines, y* is a breakpoint, otherwise recurse on both halves with the
 * new plan. Each min-cut call either proves a breakpoint or finds a new line of the lower
 * envelope, so the map takes at most 2·#pieces − 1 min-cut calls (reported by
 * {@link #minCutCalls()}). Intersections are computed from the per-layer differences of the two
 * plans, summed in double-double arithmetic, so a breakpoint is the exact intersection of the two
 * plans' cost lines to a few ulps. A piece whose cost improvement over its neighbours is below
 * 1e-12 relative is not resolved (it changes the cost by less than that).
 *
 * <p>Works for any coefficients set on a {@link CompiledPartitionNetwork}, in particular P2's
 * expected cost for a fixed exit set ({@link ReachWeights}). The result is an {@link UplinkMap},
 * the piecewise type P2's map shares; pieces are ordered by increasing bandwidth; units: bit/s,
 * costs in the objective's unit.
 */
public final class BandwidthMap extends UplinkMap<BandwidthMap.Piece> {
    /** Improvements below this, relative, do not open a new piece. */
    static final double TIE = 1e-12;
    private static final int MAX_CALLS = 1_000_000;

    /**
     * One piece: on [from, to] the plan is optimal and costs {@code fixedCost + sentBitCost / R_up}.
     *
     * @param fromUplinkBitsPerSecond lower end of the piece, bit/s
     * @param toUplinkBitsPerSecond   upper end, bit/s
     * @param plan                    the optimal placement on the piece
     * @param fixedCost               a_x: the cost terms independent of the uplink
     * @param sentBitCost             b_x: weighted bits sent up (cost·bit/s), so upload costs b_x / R_up
     */
    public record Piece(double fromUplinkBitsPerSecond, double toUplinkBitsPerSecond, Placement plan,
                        double fixedCost, double sentBitCost) implements UplinkMap.Interval {
    }

    private BandwidthMap(List<Piece> pieces, int minCutCalls) {
        super(pieces, minCutCalls);
    }

    /** The map of {@code problem} over [{@code fromBitsPerSecond}, {@code toBitsPerSecond}]. */
    public static BandwidthMap of(PartitionProblem problem, double fromBitsPerSecond, double toBitsPerSecond) {
        return of(CompiledPartitionNetwork.of(problem), fromBitsPerSecond, toBitsPerSecond);
    }

    /**
     * The map for the coefficients currently set on {@code network}. The network's uplink rate is
     * restored afterwards; call {@link CompiledPartitionNetwork#solve()} again to read a plan from it.
     *
     * @throws InvalidModelException if the range is not 0 &lt; from &lt; to &lt; ∞
     */
    public static BandwidthMap of(CompiledPartitionNetwork network, double fromBitsPerSecond,
                                  double toBitsPerSecond) {
        if (!(fromBitsPerSecond > 0 && fromBitsPerSecond < Double.POSITIVE_INFINITY)) {
            throw new InvalidModelException("fromBitsPerSecond", "must be positive and finite, got "
                    + fromBitsPerSecond);
        }
        if (!(toBitsPerSecond > fromBitsPerSecond && toBitsPerSecond < Double.POSITIVE_INFINITY)) {
            throw new InvalidModelException("toBitsPerSecond", "must be finite and above fromBitsPerSecond = "
                    + fromBitsPerSecond + ", got " + toBitsPerSecond);
        }
        double saved = network.uplinkBitsPerSecond();
        try {
            return new Builder(network).build(1 / toBitsPerSecond, 1 / fromBitsPerSecond, fromBitsPerSecond,
                    toBitsPerSecond);
        } finally {
            network.setUplinkBitsPerSecond(saved);
        }
    }

    @Override
    public String toString() {
        return "BandwidthMap[" + pieces().size() + " pieces, " + minCutCalls() + " min-cut calls]";
    }

    /** A plan with its cost line a + b·y. */
    private record Line(boolean[] plan, double fixed, double bits) {
    }

    private static final class Builder {
        private final CompiledPartitionNetwork net;
        private final int n;
        private final int[][] successors;
        private final List<Line> lines = new ArrayList<>();
        private int calls;

        Builder(CompiledPartitionNetwork net) {
            this.net = net;
            this.n = net.graph().size();
            this.successors = new int[n][];
            for (int v = 0; v < n; v++) {
                successors[v] = net.graph().successors(v);
            }
        }

        BandwidthMap build(double yLo, double yHi, double fromBps, double toBps) {
            Line lo = solveAt(yLo);
            Line hi = solveAt(yHi);
            lines.add(lo);
            refine(lo, hi, yLo, yHi);
            // merge consecutive equal lines, then recompute each breakpoint as an exact intersection
            List<Line> kept = new ArrayList<>();
            for (Line l : lines) {
                if (kept.isEmpty() || !sameLine(kept.get(kept.size() - 1), l)) {
                    kept.add(l);
                }
            }
            double[] ys = new double[kept.size() + 1];
            ys[0] = yLo;
            ys[kept.size()] = yHi;
            for (int i = 1; i < kept.size(); i++) {
                ys[i] = Math.min(yHi, Math.max(ys[i - 1], intersection(kept.get(i - 1), kept.get(i))));
            }
            List<Piece> pieces = new ArrayList<>();
            for (int i = kept.size() - 1; i >= 0; i--) {
                double from = i == kept.size() - 1 ? fromBps : 1 / ys[i + 1];
                double to = i == 0 ? toBps : 1 / ys[i];
                if (to > from || kept.size() == 1) {
                    Line l = kept.get(i);
                    pieces.add(new Piece(from, to, Placement.of(l.plan()), l.fixed(), l.bits()));
                }
            }
            return new BandwidthMap(pieces, calls);
        }

        /** Appends the envelope's lines strictly after {@code lo}, up to and including {@code hi}. */
        private void refine(Line lo, Line hi, double yL, double yR) {
            if (Arrays.equals(lo.plan(), hi.plan()) || sameLine(lo, hi)) {
                return;
            }
            double y = intersection(lo, hi);
            if (!(y > yL)) {
                y = yL;
            }
            if (!(y < yR)) {
                y = yR;
            }
            Line m = solveAt(y);
            double costM = net.planCost(m.plan());
            double costLo = net.planCost(lo.plan());
            double costHi = net.planCost(hi.plan());
            double best = Math.min(costLo, costHi);
            boolean improves = costM < best - TIE * Math.abs(best)
                    && !Arrays.equals(m.plan(), lo.plan()) && !Arrays.equals(m.plan(), hi.plan());
            if (!improves || y == yL || y == yR) {
                lines.add(hi);
                return;
            }
            refine(lo, m, yL, y);
            refine(m, hi, y, yR);
        }

        private Line solveAt(double y) {
            if (++calls > MAX_CALLS) {
                throw new IllegalStateException("bandwidth map: more than " + MAX_CALLS + " min-cut calls");
            }
            net.setUplinkBitsPerSecond(1 / y);
            net.solve();
            boolean[] plan = new boolean[n];
            net.copyPlan(plan);
            double[] fixed = new double[2];
            double[] bits = new double[2];
            for (int v = 0; v < n; v++) {
                add(fixed, fixedTerm(plan, v));
                add(bits, bitsTerm(plan, v));
            }
            return new Line(plan, fixed[0] + fixed[1], bits[0] + bits[1]);
        }

        private double fixedTerm(boolean[] plan, int v) {
            return plan[v] ? net.edgeCost(v) : net.deviceCost(v);
        }

        private double bitsTerm(boolean[] plan, int v) {
            if (plan[v]) {
                return 0;
            }
            for (int w : successors[v]) {
                if (plan[w]) {
                    return net.sendCostTimesUplink(v);
                }
            }
            return 0;
        }

        /** y at which the lines of {@code lo} (the larger slope) and {@code hi} cross. */
        private double intersection(Line lo, Line hi) {
            double[] da = new double[2];
            double[] db = new double[2];
            for (int v = 0; v < n; v++) {
                if (lo.plan()[v] != hi.plan()[v] || differsAround(lo.plan(), hi.plan(), v)) {
                    addDifference(da, fixedTerm(hi.plan(), v), fixedTerm(lo.plan(), v));
                    addDifference(db, bitsTerm(lo.plan(), v), bitsTerm(hi.plan(), v));
                }
            }
            return (da[0] + da[1]) / (db[0] + db[1]);
        }

        private boolean differsAround(boolean[] a, boolean[] b, int v) {
            for (int w : successors[v]) {
                if (a[w] != b[w]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sameLine(Line a, Line b) {
            return close(a.fixed(), b.fixed()) && close(a.bits(), b.bits());
        }

        private static boolean close(double a, double b) {
            return Math.abs(a - b) <= TIE * Math.max(Math.abs(a), Math.abs(b));
        }

        /** acc += x in double-double (Knuth's two-sum). */
        private static void add(double[] acc, double x) {
            double s = acc[0] + x;
            double bp = s - acc[0];
            double err = (acc[0] - (s - bp)) + (x - bp);
            acc[0] = s;
            acc[1] += err;
        }

        /** acc += x − y, the difference taken exactly. */
        private static void addDifference(double[] acc, double x, double y) {
            double d = x - y;
            double bp = d - x;
            double err = (x - (d - bp)) + (-y - bp);
            add(acc, d);
            acc[1] += err;
        }
    }
}
