package org.cleave.algorithms.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.UplinkMap;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.TierPrices;
import org.cleave.core.partition.PartitionCoefficients;

/**
 * The exact P2 bandwidth map for a <em>fixed</em> set A of active exits: the least expected cost
 * over monotone placements, as a function of the uplink rate R over [R_from, R_to], with the
 * optimal placement on every interval.
 *
 * <p><b>What is mapped.</b> For a fixed A the stop profile (who stops where) does not depend on
 * the placement or the bandwidth, so the expected cost of a placement x is, with y = 1/R,
 * <pre>
 *   C_A(x, y) = a_A(x) + b_A(x)·y ,    OPT_A(y) = min_x C_A(x, y)   (concave, piecewise linear in y)
 * </pre>
 * where C_A is, for variant (a) of {@link ExitsProblem}, the evaluator's objective
 * {@code w_T·T + w_E·E} and, for variant (b) (right-sizing, |A| ≤ 1, model truncated at the exit),
 * the expected latency T of the truncated model (variant (b)'s objective is the accuracy, which
 * is a constant of A). The constraints are <em>not</em> part of the minimisation: the accuracy
 * acc(A) is a constant of A (reported with whether it meets variant (a)'s floor), and the latency
 * bound L, if any, is reported per interval (a latency-constrained optimum is not concave
 * piecewise linear in y, so it has no such map). The expected latency of a fixed plan is also
 * T(y) = T₀ + T₁·y, decreasing in R, so on each interval the bound holds everywhere, nowhere, or
 * from one rate on ({@link Piece#latencyBoundFromBitsPerSecond()}).
 *
 * <p><b>Method.</b> The per-layer coefficients are those of the evaluator
 * ({@link ExpectedLoads#weightedCoefficients}: expected device and edge cost per layer, the
 * download and link latency of the results produced at a layer folded into its edge cost) with the
 * expected sent bits {@code continueAfter(u)·8·bytes_u} per tensor; they are loaded into a
 * {@link CompiledPartitionNetwork} ({@code setCosts}) and mapped by {@link BandwidthMap}
 * (Eisner–Severance parametric min cut, at most 2·pieces − 1 min-cut calls;
 * Eisner &amp; Severance, J. ACM 23(4), 1976, doi:10.1145/321978.321982). Every plan is then
 * re-evaluated by {@link ExitsProblem#evaluate} at both ends of its interval. Placements are tidied
 * with {@link ExitSets#tidy} (layers no sample reaches go with their exit's layer; no cost change).
 *
 * <p><b>The best exit set ({@link #best}).</b> For variant (a) without its latency bound, the P2
 * optimum over every exit set meeting the accuracy floor, min_A OPT_A(y), is again concave and
 * piecewise linear (a minimum of concave functions): it is the lower envelope of the cost lines of
 * all the per-set maps, found by a sweep over y that at each breakpoint moves to the line of the
 * next larger slope crossing first. A breakpoint between two plans of the same exit set is that
 * set's map's breakpoint; one between two exit sets is the crossing (a₁ − a₂)/(b₂ − b₁) of their
 * summed coefficients (exact to a few ulps of a divided by |a₁ − a₂|). 2^m maps for m exits.
 * For variant (b) {@link #best} is variant (b)'s exact optimum instead (latency bound imposed).
 *
 * <p>The result is an {@link UplinkMap}, the piecewise type P1's {@link BandwidthMap} shares, with
 * P2's intervals ({@link Piece}: the exit plan, its evaluation at both ends, where the latency bound
 * holds). Units: bit/s, seconds, costs in the objective's unit.
 */
public final class ExitsBandwidthMap extends UplinkMap<ExitsBandwidthMap.Piece> {
    /** Most exits for which {@link #best} maps all 2^m exit sets. */
    public static final int MAX_BEST_EXITS = 12;

    /** What the map's cost is. */
    public enum Mapped {
        /** Variant (a): the expected objective {@code w_T·T + w_E·E}. */
        EXPECTED_OBJECTIVE,
        /** Variant (b): the expected latency T of the model truncated at the exit (seconds). */
        EXPECTED_LATENCY
    }

    /**
     * One interval of the map: on [from, to] the plan is optimal and costs
     * {@code fixedCost + sentBitCost / R_up}.
     *
     * @param fromUplinkBitsPerSecond       lower end of the interval, bit/s
     * @param toUplinkBitsPerSecond         upper end, bit/s
     * @param fixedCost                     a: the cost terms independent of the uplink
     * @param sentBitCost                   b: weighted expected bits sent up, so upload costs b / R_up
     * @param plan                          the exit set and the optimal placement on the interval
     * @param atFrom                        the evaluator's breakdown of the plan at the lower end
     * @param atTo                          the evaluator's breakdown at the upper end
     * @param latencyBoundFromBitsPerSecond where the latency bound L holds on this interval: from this
     *                                      rate to the upper end (the lower end if it holds throughout);
     *                                      empty if it holds nowhere on the interval or there is no bound
     */
    public record Piece(double fromUplinkBitsPerSecond, double toUplinkBitsPerSecond, double fixedCost,
                        double sentBitCost, ExitPlan plan, ExitsCost atFrom, ExitsCost atTo,
                        OptionalDouble latencyBoundFromBitsPerSecond) implements UplinkMap.Interval {
    }

    private final ExitsProblem problem;
    private final Optional<List<String>> fixedExits;
    private final int exitSets;

    private ExitsBandwidthMap(ExitsProblem problem, Optional<List<String>> fixedExits, List<Piece> pieces,
                              int minCutCalls, int exitSets) {
        super(pieces, minCutCalls);
        this.problem = problem;
        this.fixedExits = fixedExits;
        this.exitSets = exitSets;
    }

    /**
     * The map of {@code problem} with the active exits {@code exitIds} over
     * [{@code fromBitsPerSecond}, {@code toBitsPerSecond}].
     *
     * @throws InvalidModelException for an unknown or repeated exit id, more than one exit under
     *                               variant (b), or a range that is not 0 &lt; from &lt; to &lt; ∞
     */
    public static ExitsBandwidthMap of(ExitsProblem problem, List<String> exitIds, double fromBitsPerSecond,
                                       double toBitsPerSecond) {
        DnnGraph g = problem.graph();
        StopProfile profile = problem.profile(exitIds);
        List<String> ordered = StopProfile.resolve(g, exitIds).stream().map(e -> e.id()).toList();
        CostWeights w = weights(problem);
        PartitionCoefficients c = problem.loads(profile).weightedCoefficients(w, problem.device(), problem.link());
        double[] sentBits = new double[g.size()];
        for (int u = 0; u < g.size(); u++) {
            sentBits[u] = profile.continueAfter(u) * 8 * g.layer(u).outputBytes();
        }
        double sendWeight = TierPrices.of(w, problem.device()).uploadSecond();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        net.setCosts(c.deviceCosts(), c.edgeCosts(), sentBits, sendWeight, problem.link().uplinkBitsPerSecond());
        BandwidthMap map = BandwidthMap.of(net, fromBitsPerSecond, toBitsPerSecond);
        List<Piece> pieces = new ArrayList<>();
        for (BandwidthMap.Piece line : map.pieces()) {
            ExitPlan plan = new ExitPlan(ordered, ExitSets.tidy(g, profile, line.plan()));
            pieces.add(piece(problem, line.fromUplinkBitsPerSecond(), line.toUplinkBitsPerSecond(), line.fixedCost(),
                    line.sentBitCost(), plan));
        }
        return new ExitsBandwidthMap(problem, Optional.of(ordered), pieces, map.minCutCalls(), 1);
    }

    /**
     * The map of the best exit set on each interval.
     * <ul>
     *   <li>Variant (a): the optimum over all exit sets that meet the accuracy floor, the latency
     *   bound not imposed (concave, piecewise linear; see the class comment).</li>
     *   <li>Variant (b): variant (b)'s exact optimum, latency bound imposed: on each interval the
     *   most accurate of the full model and the single exits (model truncated there) whose least
     *   latency meets L, ties to the lower latency, with its least-latency placement; the map is
     *   the chosen plan's latency (piecewise, not concave: it jumps up where a more accurate exit
     *   becomes feasible). The set of feasible candidates changes only at their thresholds (each
     *   candidate's least latency is nonincreasing in R), which become breakpoints. Where no
     *   candidate meets L the fastest one is shown, with its bound column saying it does not hold.</li>
     * </ul>
     *
     * @throws InvalidModelException for more than {@value #MAX_BEST_EXITS} exits, no exit set meeting
     *                               variant (a)'s floor, or a bad range
     */
    public static ExitsBandwidthMap best(ExitsProblem problem, double fromBitsPerSecond, double toBitsPerSecond) {
        if (!(problem.variant() instanceof ExitsProblem.MinCost a)) {
            return bestRightSizing(problem, fromBitsPerSecond, toBitsPerSecond);
        }
        DnnGraph g = problem.graph();
        if (g.exits().size() > MAX_BEST_EXITS) {
            throw new InvalidModelException("model.exits", "has " + g.exits().size() + " exits; mapping all their"
                    + " subsets is limited to " + MAX_BEST_EXITS + ". Maybe map a fixed exit set");
        }
        List<List<Piece>> maps = new ArrayList<>();
        int calls = 0;
        for (List<String> set : ExitSets.subsets(g, Integer.MAX_VALUE)) {
            if (problem.profile(set).expectedAccuracy() >= a.minAccuracy()) {
                ExitsBandwidthMap m = of(problem, set, fromBitsPerSecond, toBitsPerSecond);
                maps.add(m.pieces());
                calls += m.minCutCalls();
            }
        }
        if (maps.isEmpty()) {
            throw new InvalidModelException("variant.minAccuracy", "no exit set reaches minAccuracy "
                    + a.minAccuracy());
        }
        List<Piece> pieces = envelope(problem, maps, fromBitsPerSecond, toBitsPerSecond);
        return new ExitsBandwidthMap(problem, Optional.empty(), pieces, calls, maps.size());
    }

    /** Variant (b)'s optimum on each interval (see {@link #best}). */
    private static ExitsBandwidthMap bestRightSizing(ExitsProblem problem, double fromBps, double toBps) {
        List<ExitsBandwidthMap> maps = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        List<Double> threshold = new ArrayList<>();
        TreeSet<Double> cuts = new TreeSet<>(List.of(fromBps, toBps));
        int calls = 0;
        for (List<String> set : ExitSets.subsets(problem.graph(), 1)) {
            ExitsBandwidthMap m = of(problem, set, fromBps, toBps);
            maps.add(m);
            calls += m.minCutCalls();
            accuracy.add(problem.profile(set).expectedAccuracy());
            double feasibleFrom = Double.POSITIVE_INFINITY;
            for (Piece piece : m.pieces()) {
                if (piece.latencyBoundFromBitsPerSecond().isPresent()) {
                    feasibleFrom = piece.latencyBoundFromBitsPerSecond().getAsDouble();
                    break;
                }
            }
            threshold.add(feasibleFrom);
            if (feasibleFrom > fromBps && feasibleFrom < toBps) {
                cuts.add(feasibleFrom);
            }
            for (double b : m.breakpoints()) {
                cuts.add(b);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        Double lo = cuts.first();
        for (Double hi = cuts.higher(lo); hi != null; lo = hi, hi = cuts.higher(hi)) {
            double mid = Math.sqrt(lo * hi);
            double bestAccuracy = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < maps.size(); s++) {
                if (threshold.get(s) <= lo) {
                    bestAccuracy = Math.max(bestAccuracy, accuracy.get(s));
                }
            }
            List<Piece> candidates = new ArrayList<>();
            for (int s = 0; s < maps.size(); s++) {
                boolean feasible = threshold.get(s) <= lo;
                if (bestAccuracy == Double.NEGATIVE_INFINITY || (feasible && accuracy.get(s) == bestAccuracy)) {
                    candidates.add(maps.get(s).pieceAt(mid));
                }
            }
            // the least latency among the candidates: a lower envelope of their lines on [lo, hi]
            TreeSet<Double> splits = new TreeSet<>(List.of(lo, hi));
            for (Piece x : candidates) {
                for (Piece z : candidates) {
                    if (x.sentBitCost() > z.sentBitCost()) {
                        double r = (x.sentBitCost() - z.sentBitCost()) / (z.fixedCost() - x.fixedCost());
                        if (r > lo && r < hi) {
                            splits.add(r);
                        }
                    }
                }
            }
            Double a = splits.first();
            for (Double b = splits.higher(a); b != null; a = b, b = splits.higher(b)) {
                double at = Math.sqrt(a * b);
                Piece chosen = candidates.get(0);
                for (Piece x : candidates) {
                    if (x.costAt(at) < chosen.costAt(at)) {
                        chosen = x;
                    }
                }
                Piece previous = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                if (previous != null && previous.plan().equals(chosen.plan())
                        && previous.fixedCost() == chosen.fixedCost()
                        && previous.sentBitCost() == chosen.sentBitCost()) {
                    pieces.set(pieces.size() - 1, piece(problem, previous.fromUplinkBitsPerSecond(), b,
                            chosen.fixedCost(), chosen.sentBitCost(), chosen.plan()));
                } else {
                    pieces.add(piece(problem, a, b, chosen.fixedCost(), chosen.sentBitCost(), chosen.plan()));
                }
            }
        }
        return new ExitsBandwidthMap(problem, Optional.empty(), pieces, calls, maps.size());
    }

    /** The lower envelope of the pieces' lines, swept from the lowest bandwidth (largest y = 1/R) up. */
    private static List<Piece> envelope(ExitsProblem problem, List<List<Piece>> maps, double fromBps, double toBps) {
        double yHi = 1 / fromBps;
        double yLo = 1 / toBps;
        int[] cur = {0, 0};
        for (int s = 1; s < maps.size(); s++) {
            Piece first = maps.get(s).get(0);
            Piece incumbent = line(maps, cur);
            double c = first.costAt(fromBps);
            double ci = incumbent.costAt(fromBps);
            if (c < ci || (c == ci && first.sentBitCost() > incumbent.sentBitCost())) {
                cur = new int[] {s, 0};
            }
        }
        List<Piece> pieces = new ArrayList<>();
        double y = yHi;
        double fromRate = fromBps;
        while (true) {
            Piece l = line(maps, cur);
            int[] next = null;
            double yNext = yLo;
            for (int s = 0; s < maps.size(); s++) {
                for (int i = 0; i < maps.get(s).size(); i++) {
                    Piece k = maps.get(s).get(i);
                    if (!(k.sentBitCost() > l.sentBitCost())) {
                        continue;
                    }
                    double yk = s == cur[0] && i == cur[1] + 1
                            ? 1 / l.toUplinkBitsPerSecond() // the set's own, exactly intersected, breakpoint
                            : (l.fixedCost() - k.fixedCost()) / (k.sentBitCost() - l.sentBitCost());
                    yk = Math.min(yk, y);
                    if (yk > yNext || (next != null && yk == yNext
                            && k.sentBitCost() > line(maps, next).sentBitCost())) {
                        yNext = yk;
                        next = new int[] {s, i};
                    }
                }
            }
            double toRate = next == null ? toBps : 1 / yNext;
            if (toRate > fromRate || (next == null && pieces.isEmpty())) {
                pieces.add(piece(problem, fromRate, Math.max(fromRate, toRate), l.fixedCost(), l.sentBitCost(),
                        l.plan()));
                fromRate = toRate;
            }
            if (next == null) {
                return pieces;
            }
            cur = next;
            y = yNext;
        }
    }

    private static Piece line(List<List<Piece>> maps, int[] at) {
        return maps.get(at[0]).get(at[1]);
    }

    private static Piece piece(ExitsProblem problem, double from, double to, double fixedCost, double sentBitCost,
                               ExitPlan plan) {
        ExitsCost atFrom = evaluateAt(problem, plan, from);
        ExitsCost atTo = evaluateAt(problem, plan, to);
        return new Piece(from, to, fixedCost, sentBitCost, plan, atFrom, atTo,
                latencyBoundFrom(problem, from, to, atFrom, atTo));
    }

    /** The weights of the mapped cost: variant (a)'s objective weights, or latency alone for variant (b). */
    static CostWeights weights(ExitsProblem problem) {
        return problem.variant() instanceof ExitsProblem.MinCost a ? a.weights() : CostWeights.LATENCY;
    }

    /** What the cost is: the objective for variant (a), the latency for variant (b). */
    public Mapped mapped() {
        return problem.variant() instanceof ExitsProblem.MinCost ? Mapped.EXPECTED_OBJECTIVE : Mapped.EXPECTED_LATENCY;
    }

    /** The mapped cost of an evaluation: its objective (variant (a)) or its latency (variant (b)). */
    public double cost(ExitsCost evaluation) {
        return mapped() == Mapped.EXPECTED_OBJECTIVE ? evaluation.objective() : evaluation.latencySeconds();
    }

    /** The evaluator's result for {@code plan} with the uplink at {@code bitsPerSecond}. */
    public static ExitsCost evaluateAt(ExitsProblem problem, ExitPlan plan, double bitsPerSecond) {
        return problem.withLink(problem.link().withUplinkBitsPerSecond(bitsPerSecond)).evaluate(plan);
    }

    /**
     * The lowest rate of the piece at which T ≤ L: T(R) = T₀ + T₁/R with T₁ = upload seconds × R
     * (the evaluator's upload term), so R* = T₁ / (L − T₀).
     */
    private static OptionalDouble latencyBoundFrom(ExitsProblem problem, double from, double to, ExitsCost atFrom,
                                                   ExitsCost atTo) {
        OptionalDouble bound = problem.maxLatencySeconds();
        if (bound.isEmpty()) {
            return OptionalDouble.empty();
        }
        double l = bound.getAsDouble();
        if (atFrom.latencySeconds() <= l) {
            return OptionalDouble.of(from);
        }
        if (atTo.latencySeconds() > l) {
            return OptionalDouble.empty();
        }
        double t1 = atFrom.uploadSeconds() * from;
        double t0 = atFrom.latencySeconds() - atFrom.uploadSeconds();
        double r = t1 / (l - t0);
        return OptionalDouble.of(Math.min(to, Math.max(from, r)));
    }

    /** The problem mapped. */
    public ExitsProblem problem() {
        return problem;
    }

    /**
     * The fixed exit set, by depth (empty list: the full model only); empty for {@link #best}, whose
     * pieces carry their own exit sets.
     */
    public Optional<List<String>> fixedExits() {
        return fixedExits;
    }

    /** Variant (a)'s accuracy floor, or empty for variant (b). */
    public OptionalDouble minAccuracy() {
        return problem.variant() instanceof ExitsProblem.MinCost a ? OptionalDouble.of(a.minAccuracy())
                : OptionalDouble.empty();
    }

    /** Exit sets mapped: 1 for a fixed set, the sets meeting the floor for {@link #best}. */
    public int exitSetsMapped() {
        return exitSets;
    }

    @Override
    public String toString() {
        return "ExitsBandwidthMap[exits " + fixedExits.map(Object::toString).orElse("best") + ", " + pieces().size()
                + " pieces]";
    }
}
