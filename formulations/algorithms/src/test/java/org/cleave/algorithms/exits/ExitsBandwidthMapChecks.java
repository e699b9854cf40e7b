package org.cleave.algorithms.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.Exit;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;

/**
 * The checks of a P2 bandwidth map, shared by the map's tests here and the zoo-model test in the
 * command line's tests (the zoo lives in {@code instances}, which this module may not depend on):
 * the evaluator on each sampled piece's plan, {@code mincut} with the exit set forced, brute force
 * over order ideals, the breakpoints, the best-exit-set envelope and variant (b)'s optimum, all to
 * {@link #REL} relative.
 */
public final class ExitsBandwidthMapChecks {
    /** Lowest rate mapped by the tests, bit/s. */
    public static final double FROM = 1e5;
    /** Highest rate mapped by the tests, bit/s. */
    public static final double TO = 1e10;
    /** Relative tolerance of every comparison. */
    public static final double REL = 1e-9;
    static final MinCutExitsSolver MINCUT = new MinCutExitsSolver();

    private ExitsBandwidthMapChecks() {
    }

    /** Samples the map and compares each sampled piece with the references. */
    public static void checkMap(ExitsProblem p, ExitsBandwidthMap map, SplittableRandom rng, int samples,
                                 int solverSamples, boolean bruteForce) {
        List<Double> rates = rates(rng, samples, map);
        for (double b : map.breakpoints()) {
            rates.add(b);
        }
        rates.add(FROM);
        rates.add(TO);
        Optional<ExitsProblem> forced = forced(p, map.fixedExits().orElseThrow());
        int k = 0;
        int solved = 0;
        for (double r : rates) {
            k++;
            ExitsBandwidthMap.Piece piece = map.pieceAt(r);
            double cost = piece.costAt(r);
            assertEquals(map.fixedExits().orElseThrow(), piece.plan().activeExits());
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(cost, map.cost(evaluated), "evaluator on the plan at " + r + " bit/s, " + map);
            assertClose(evaluated.accuracy(), p.profile(map.fixedExits().orElseThrow()).expectedAccuracy(),
                    "accuracy");
            if (forced.isPresent() && solved++ < solverSamples) {
                ExitsProblem q = forced.get().withLink(p.link().withUplinkBitsPerSecond(r));
                Result<ExitPlan> result = MINCUT.solve(q);
                assertEquals(Status.OPTIMAL, result.status(), result.message());
                ExitPlan plan = result.planOrThrow();
                assertEquals(map.fixedExits().orElseThrow(), StopProfile.resolve(q.graph(), plan.activeExits()).stream()
                        .map(Exit::id).toList(), "the exit set is forced");
                assertClose(cost, map.cost(q.evaluate(plan)), "mincut with the exit set forced at " + r);
            }
            if (bruteForce && k % 10 == 0) {
                ExitsProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
                double best = OrderIdeals.cheapest(p.graph(), Long.MAX_VALUE, () -> false,
                        x -> map.cost(at.evaluate(new ExitPlan(map.fixedExits().orElseThrow(), Placement.of(x))))).cost();
                assertClose(cost, best, "every placement at " + r);
            }
        }
        double[] breaks = map.breakpoints();
        for (int i = 0; i < breaks.length; i++) {
            double left = map.cost(ExitsBandwidthMap.evaluateAt(p, map.pieces().get(i).plan(), breaks[i]));
            double right = map.cost(ExitsBandwidthMap.evaluateAt(p, map.pieces().get(i + 1).plan(), breaks[i]));
            assertClose(left, right, "the two plans meet at breakpoint " + breaks[i]);
        }
    }

    /**
     * {@link ExitsBandwidthMap#best} is the least of the per-set maps that meet the floor and P2's
     * optimum without latency bound ({@code mincut}); its pieces are priced by the evaluator, their
     * exit sets meet the floor, and neighbouring plans cost the same at each breakpoint.
     */
    public static ExitsBandwidthMap checkEnvelope(ExitsProblem p, ExitsProblem.MinCost a,
                                                   List<ExitsBandwidthMap> maps, SplittableRandom rng, int samples) {
        ExitsBandwidthMap best = ExitsBandwidthMap.best(p, FROM, TO);
        assertTrue(best.fixedExits().isEmpty());
        ExitsProblem free = p.withVariant(new ExitsProblem.MinCost(a.weights(), a.minAccuracy(),
                OptionalDouble.empty()));
        for (double r : rates(rng, samples, best)) {
            double least = Double.POSITIVE_INFINITY;
            for (ExitsBandwidthMap m : maps) {
                if (p.profile(m.fixedExits().orElseThrow()).expectedAccuracy() >= a.minAccuracy()) {
                    least = Math.min(least, m.costAt(r));
                }
            }
            ExitsBandwidthMap.Piece piece = best.pieceAt(r);
            assertClose(least, piece.costAt(r), "best map vs least per-set map at " + r);
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(piece.costAt(r), evaluated.objective(), "evaluator on the best plan at " + r);
            assertTrue(evaluated.accuracy() >= a.minAccuracy(), "floor");
            Result<ExitPlan> result = MINCUT.solve(free.withLink(p.link().withUplinkBitsPerSecond(r)));
            assertEquals(Status.OPTIMAL, result.status(), result.message());
            assertClose(result.objective(), piece.costAt(r), "best map vs mincut at " + r);
        }
        double[] breaks = best.breakpoints();
        for (int i = 0; i < breaks.length; i++) {
            double left = ExitsBandwidthMap.evaluateAt(p, best.pieces().get(i).plan(), breaks[i]).objective();
            double right = ExitsBandwidthMap.evaluateAt(p, best.pieces().get(i + 1).plan(), breaks[i]).objective();
            assertClose(left, right, "the two plans meet at breakpoint " + breaks[i]);
            assertTrue(breaks[i] > best.pieces().get(i).fromUplinkBitsPerSecond(), "pieces have positive width");
        }
        return best;
    }

    /**
     * Variant (b)'s best map is its exact optimum: at sampled rates (and either side of each
     * breakpoint) the piece's plan has {@code mincut}'s accuracy and latency, or, where mincut finds
     * no plan within the bound, the piece's plan misses it too.
     */
    public static ExitsBandwidthMap checkRightSizing(ExitsProblem p, SplittableRandom rng, int samples) {
        ExitsBandwidthMap best = ExitsBandwidthMap.best(p, FROM, TO);
        for (double r : rates(rng, samples, best)) {
            ExitsBandwidthMap.Piece piece = best.pieceAt(r);
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(piece.costAt(r), evaluated.latencySeconds(), "latency of the best plan at " + r);
            ExitsProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            Result<ExitPlan> result = MINCUT.solve(at);
            if (result.status() == Status.INFEASIBLE) {
                assertTrue(!evaluated.feasible(), "mincut: infeasible at " + r + ", map: " + piece);
                continue;
            }
            assertEquals(Status.OPTIMAL, result.status(), result.message());
            assertTrue(evaluated.feasible(), "at " + r + ": " + evaluated.violations());
            assertClose(result.objective(), evaluated.accuracy(), "accuracy vs mincut at " + r);
            assertClose(at.evaluate(result.planOrThrow()).latencySeconds(), evaluated.latencySeconds(),
                    "tie-break latency vs mincut at " + r);
        }
        return best;
    }

    /**
     * {@code p} rewritten so that {@code mincut} must choose exactly the exit set {@code ids}: the
     * model keeps only those exits and, as accuracy never enters the cost, their accuracies are
     * replaced. Variant (a): accuracies strictly decreasing with depth, final 0, floor acc(ids); then
     * every proper subset is strictly less accurate (dropping exit j loses (r_j − r_prev)·(a_j −
     * a_next) &gt; 0), which needs strictly increasing positive rates (else empty). Variant (b):
     * the exit's accuracy 1, final 0, no binding bound. Latency bounds are dropped.
     */
    public static Optional<ExitsProblem> forced(ExitsProblem p, List<String> ids) {
        List<Exit> kept = StopProfile.resolve(p.graph(), ids);
        List<Exit> rewritten = new ArrayList<>();
        double previousRate = 0;
        for (int i = 0; i < kept.size(); i++) {
            Exit e = kept.get(i);
            if (p.variant() instanceof ExitsProblem.MinCost && !(e.exitRate() > previousRate)) {
                return Optional.empty();
            }
            previousRate = e.exitRate();
            rewritten.add(new Exit(e.id(), e.afterLayer(), e.flops(), e.exitRate(),
                    (double) (kept.size() - i) / kept.size()));
        }
        ExitsProblem q = new ExitsProblem(p.graph().withExits(rewritten), p.device(), p.edge(), p.link(),
                p.deviceLoad(), 0, p.variant());
        if (p.variant() instanceof ExitsProblem.MinCost a) {
            return Optional.of(q.withVariant(new ExitsProblem.MinCost(a.weights(),
                    q.profile(ids).expectedAccuracy(), OptionalDouble.empty())));
        }
        return Optional.of(q.withVariant(new ExitsProblem.RightSizing(1e300)));
    }

    /** {@code samples} log-uniform rates in [FROM, TO], and each breakpoint of {@code map} ± 1e-7 relative. */
    public static List<Double> rates(SplittableRandom rng, int samples, ExitsBandwidthMap map) {
        List<Double> rates = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            rates.add(Math.exp(Math.log(FROM) + rng.nextDouble() * (Math.log(TO) - Math.log(FROM))));
        }
        for (double b : map.breakpoints()) {
            rates.add(b * (1 - 1e-7));
            rates.add(b * (1 + 1e-7));
        }
        return rates;
    }

    /** {@code actual} equals {@code expected} to {@link #REL} relative. */
    public static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(Math.abs(expected), Double.MIN_NORMAL), what);
    }
}
