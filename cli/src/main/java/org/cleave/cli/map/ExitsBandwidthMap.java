package org.cleave.cli.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.partition.CostWeights;

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
 * Units: bit/s, seconds, costs in the objective's unit.
 */
public final class ExitsBandwidthMap {
    /** What the map's cost is. */
    public enum Mapped {
        /** Variant (a): the expected objective {@code w_T·T + w_E·E}. */
        EXPECTED_OBJECTIVE,
        /** Variant (b): the expected latency T of the model truncated at the exit (seconds). */
        EXPECTED_LATENCY
    }

    /**
     * One interval of the map.
     *
     * @param line                          the interval, its cost line a + b/R (see {@link BandwidthMap.Piece})
     * @param plan                          the exit set and the optimal placement on the interval
     * @param atFrom                        the evaluator's breakdown of the plan at the interval's lower end
     * @param atTo                          the evaluator's breakdown at its upper end
     * @param latencyBoundFromBitsPerSecond where the latency bound L holds on this interval: from this
     *                                      rate to the upper end (the lower end if it holds throughout);
     *                                      empty if it holds nowhere on the interval or there is no bound
     */
    public record Piece(BandwidthMap.Piece line, ExitPlan plan, ExitsCost atFrom, ExitsCost atTo,
                        OptionalDouble latencyBoundFromBitsPerSecond) {
        /** The mapped cost at uplink {@code bitsPerSecond}. */
        public double costAt(double bitsPerSecond) {
            return line.costAt(bitsPerSecond);
        }
    }

    private final ExitsProblem problem;
    private final List<String> exits;
    private final StopProfile profile;
    private final BandwidthMap map;
    private final List<Piece> pieces;

    private ExitsBandwidthMap(ExitsProblem problem, List<String> exits, StopProfile profile, BandwidthMap map,
                              List<Piece> pieces) {
        this.problem = problem;
        this.exits = exits;
        this.profile = profile;
        this.map = map;
        this.pieces = Collections.unmodifiableList(pieces);
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
        double[][] c = problem.loads(profile).weightedCoefficients(w, problem.device(), problem.link());
        double[] sentBits = new double[g.size()];
        for (int u = 0; u < g.size(); u++) {
            sentBits[u] = profile.continueAfter(u) * 8 * g.layer(u).outputBytes();
        }
        double sendWeight = w.latencyWeight() + w.energyWeight() * problem.device().transmitWatts();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        net.setCosts(c[0], c[1], sentBits, sendWeight, problem.link().uplinkBitsPerSecond());
        BandwidthMap map = BandwidthMap.of(net, fromBitsPerSecond, toBitsPerSecond);
        List<Piece> pieces = new ArrayList<>();
        for (BandwidthMap.Piece line : map.pieces()) {
            ExitPlan plan = new ExitPlan(ordered, ExitSets.tidy(g, profile, line.plan()));
            ExitsCost atFrom = evaluateAt(problem, plan, line.fromUplinkBitsPerSecond());
            ExitsCost atTo = evaluateAt(problem, plan, line.toUplinkBitsPerSecond());
            pieces.add(new Piece(line, plan, atFrom, atTo, latencyBoundFrom(problem, line, atFrom, atTo)));
        }
        return new ExitsBandwidthMap(problem, ordered, profile, map, pieces);
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
    static ExitsCost evaluateAt(ExitsProblem problem, ExitPlan plan, double bitsPerSecond) {
        return problem.withLink(problem.link().withUplinkBitsPerSecond(bitsPerSecond)).evaluate(plan);
    }

    /**
     * The lowest rate of the piece at which T ≤ L: T(R) = T₀ + T₁/R with T₁ = upload seconds × R
     * (the evaluator's upload term), so R* = T₁ / (L − T₀).
     */
    private static OptionalDouble latencyBoundFrom(ExitsProblem problem, BandwidthMap.Piece line, ExitsCost atFrom,
                                                   ExitsCost atTo) {
        OptionalDouble bound = problem.maxLatencySeconds();
        if (bound.isEmpty()) {
            return OptionalDouble.empty();
        }
        double l = bound.getAsDouble();
        double from = line.fromUplinkBitsPerSecond();
        double to = line.toUplinkBitsPerSecond();
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

    /** The active exits, by depth (empty: the full model only). */
    public List<String> exits() {
        return exits;
    }

    /** The stop profile of the exit set (shares, accuracies). */
    public StopProfile profile() {
        return profile;
    }

    /** Expected accuracy of the exit set (a constant of the map). */
    public double expectedAccuracy() {
        return profile.expectedAccuracy();
    }

    /** Variant (a)'s accuracy floor, or empty for variant (b). */
    public OptionalDouble minAccuracy() {
        return problem.variant() instanceof ExitsProblem.MinCost a ? OptionalDouble.of(a.minAccuracy())
                : OptionalDouble.empty();
    }

    /** The underlying parametric map (cost lines, breakpoints, min-cut calls). */
    public BandwidthMap lines() {
        return map;
    }

    /** The pieces, by increasing bandwidth. */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The piece holding uplink {@code bitsPerSecond} (the lower one at a breakpoint). */
    public Piece pieceAt(double bitsPerSecond) {
        BandwidthMap.Piece line = map.pieceAt(bitsPerSecond);
        return pieces.get(map.pieces().indexOf(line));
    }

    /** The least mapped cost at uplink {@code bitsPerSecond}. */
    public double costAt(double bitsPerSecond) {
        return map.costAt(bitsPerSecond);
    }

    @Override
    public String toString() {
        return "ExitsBandwidthMap[exits " + exits + ", " + pieces.size() + " pieces]";
    }
}
