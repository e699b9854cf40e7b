package org.cleave.algorithms.tiers.throughput;

import java.util.Locale;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersStageTimes;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;

/**
 * Heuristic: the best two-tier plan, the least-period plan over the three pairs of tiers, each
 * found exactly by enumerating the order ideals I (the near side, containing the input):
 * <ul>
 *   <li>{@link Pair#DEVICE_EDGE}: I on the device, the rest on the edge — P3's optimum on
 *   (device, edge, link 1), the cloud unused;</li>
 *   <li>{@link Pair#DEVICE_CLOUD}: I on the device, the rest in the cloud, the edge only relaying;</li>
 *   <li>{@link Pair#EDGE_CLOUD}: the input on the device, the rest of I on the edge, the rest in the
 *   cloud.</li>
 * </ul>
 * Exact for P3-3T whenever an optimum leaves a tier idle. O(3 · #ideals · (|V| + |A|)); refuses
 * more than {@value #MAX_IDEALS} ideals (INVALID_INPUT).
 */
public final class TwoTierThroughputSolver extends AbstractSolver<TiersThroughputProblem, TierPlacement> {
    /** Largest number of order ideals enumerated per pair. */
    public static final long MAX_IDEALS = 1L << 22;

    /** A pair of tiers: the tier of the near side (the ideal, but the input) and of the far side. */
    public enum Pair {
        /** device and edge (P3 on device | edge). */
        DEVICE_EDGE(0, 1),
        /** device and cloud (the edge relays). */
        DEVICE_CLOUD(0, 2),
        /** edge and cloud (the device passes the input on). */
        EDGE_CLOUD(1, 2);

        private final int near;
        private final int far;

        Pair(int near, int far) {
            this.near = near;
            this.far = far;
        }

        /** The plan of this pair with {@code farSide} on the far tier, written into {@code into} (the input on the device). */
        int[] tiers(boolean[] farSide, int[] into) {
            for (int v = 0; v < farSide.length; v++) {
                into[v] = farSide[v] ? far : near;
            }
            into[0] = 0;
            return into;
        }
    }

    public TwoTierThroughputSolver() {
        super("two-tier", Family.THROUGHPUT_TIERS, SolverKind.HEURISTIC, TiersThroughputProblem.class,
                Set.of(Capability.TIME_LIMIT),
                "least-period two-tier plan (device|edge, device|cloud, edge|cloud; each by enumeration)");
    }

    /** The least-period plan using only the tiers of {@code pair}, or null if stopped before any. */
    public static TierPlacement solve(TiersThroughputProblem problem, Pair pair, Deadline deadline) {
        DnnGraph g = problem.graph();
        TiersStageTimes times = TiersStageTimes.of(problem);
        int[] tiers = new int[g.size()];
        double[] stages = new double[5];
        OrderIdeals.Cheapest best = OrderIdeals.cheapest(g, MAX_IDEALS, deadline::expired,
                onEdge -> times.stages(g, pair.tiers(onEdge, tiers), stages));
        return best.onEdge() == null ? null : new TierPlacement(pair.tiers(best.onEdge(), new int[g.size()]));
    }

    @Override
    protected Outcome<TierPlacement> run(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        long ideals = OrderIdeals.count(problem.graph(), MAX_IDEALS);
        if (ideals > MAX_IDEALS) {
            throw new InvalidModelException("model", "has more than " + MAX_IDEALS + " order ideals for the"
                    + " two-tier enumeration; " + problem.graph().size() + " layers");
        }
        TierPlacement best = null;
        double bestPeriod = Double.POSITIVE_INFINITY;
        Pair bestPair = null;
        for (Pair pair : Pair.values()) {
            TierPlacement plan = solve(problem, pair, deadline);
            if (plan == null) {
                continue;
            }
            double period = problem.evaluate(plan).periodSeconds();
            if (period < bestPeriod) {
                best = plan;
                bestPeriod = period;
                bestPair = pair;
            }
        }
        if (best == null) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before any plan");
        }
        if (bestPeriod > problem.maxPeriodSeconds()) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "two-tier: " + Sustain.unsustainable(problem,
                    bestPeriod).replace("the least period", "its best period") + "; not a proof (enumerate decides)");
        }
        Outcome<TierPlacement> o = Outcome.feasible(best);
        if (deadline.expired()) {
            o.message("time limit reached; some pairs were not searched to the end");
        }
        return o.param("pair", bestPair.name().toLowerCase(Locale.ROOT));
    }
}
