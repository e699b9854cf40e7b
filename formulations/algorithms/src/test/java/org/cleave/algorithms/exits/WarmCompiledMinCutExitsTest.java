package org.cleave.algorithms.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warm {@code mincut-compiled} (network and exit-set catalogue kept across solves) returns the
 * stateless solver's results bit for bit on sequences of varied problems; the cut's own cost, by
 * which {@link ExitSetSearch} skips evaluating exit sets that cannot win, is the evaluator's
 * objective to far less than {@link ExitSetSearch#CUT_COST_SLACK}; and skipping changes no answer.
 */
class WarmCompiledMinCutExitsTest {
    static LongStream seeds() {
        return Seeds.of(7717, 60);
    }

    private static ExitsProblem instance(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % RandomGraphs.Shape.values().length)];
        return RandomExitsInstances.exits(seed, shape, 4 + (int) (seed % 37), 3);
    }

    /** {@code p} with a random uplink, downlink, load, accuracy floor and (half the time) latency bound. */
    private static ExitsProblem vary(ExitsProblem p, SplittableRandom rng) {
        Link l = p.link();
        Link link = new Link(Math.exp(rng.nextDouble(Math.log(1e5), Math.log(1e9))),
                Math.exp(rng.nextDouble(Math.log(1e6), Math.log(1e9))), l.latencySeconds());
        double load = rng.nextDouble(0, 0.9);
        ExitsProblem.Variant v;
        if (p.variant() instanceof ExitsProblem.MinCost m) {
            v = new ExitsProblem.MinCost(m.weights(), rng.nextDouble(0, p.finalAccuracy()),
                    rng.nextBoolean() ? OptionalDouble.empty() : OptionalDouble.of(rng.nextDouble(0.001, 2)));
        } else {
            v = new ExitsProblem.RightSizing(rng.nextDouble(0.001, 2));
        }
        return new ExitsProblem(p.graph(), p.device(), p.edge(), link, load, p.finalAccuracy(), v);
    }

    private static void assertSame(Result<ExitPlan> want, Result<ExitPlan> got, String label) {
        assertEquals(want.status(), got.status(), label);
        assertEquals(want.plan(), got.plan(), label);
        assertEquals(Double.doubleToLongBits(want.objective()), Double.doubleToLongBits(got.objective()), label);
        assertEquals(Double.doubleToLongBits(want.bound()), Double.doubleToLongBits(got.bound()), label);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void warmSolvesAreTheStatelessSolversBitForBit(long seed) {
        ExitsProblem a = instance(seed);
        ExitsProblem b = instance(seed + 1);
        CompiledMinCutExitsSolver warm = CompiledMinCutExitsSolver.warm(CompiledPartitionNetwork.compile(a.graph()));
        CompiledMinCutExitsSolver cold = new CompiledMinCutExitsSolver();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < 30; k++) {
            ExitsProblem p = vary(k % 7 == 6 ? b : a, rng); // now and then another model: compiled afresh
            if (k % 10 == 9) {
                p = new ExitsProblem(p.graph(), p.device(), p.edge(), p.link(), p.deviceLoad(),
                        p.finalAccuracy() * 0.9, p.variant()); // another final accuracy: another catalogue
            }
            assertSame(cold.solve(p, SolveLimits.none()), warm.solve(p, SolveLimits.none()),
                    "seed " + seed + " solve " + k + " " + p.variant());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theCutsOwnCostIsTheEvaluatorsObjective(long seed) {
        ExitsProblem p = instance(seed);
        SplittableRandom rng = new SplittableRandom(seed);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(p.graph());
        for (int k = 0; k < 5; k++) {
            CostWeights w = k == 0 ? CostWeights.LATENCY : new CostWeights(rng.nextDouble(0, 1), rng.nextDouble(0, 1));
            ExitsProblem q = vary(p, rng).withVariant(new ExitsProblem.MinCost(w, 0, OptionalDouble.empty()));
            for (List<String> set : ExitSets.subsets(q.graph(), Integer.MAX_VALUE)) {
                StopProfile profile = q.profile(set);
                net.setReachWeights(org.cleave.algorithms.partition.ReachWeights.of(profile));
                net.setParameters(q.device(), q.edge(), q.link(), w, q.deviceLoad());
                double cost = net.solve();
                double objective = q.evaluate(new ExitPlan(set, ExitSets.tidy(q.graph(), profile, net.plan())))
                        .objective();
                assertEquals(objective, cost, 1e-12 * Math.max(Math.abs(objective), Double.MIN_NORMAL),
                        "seed " + seed + " state " + k + " exits " + set + " weights " + w);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void skippingExitSetsThatCannotWinChangesNoAnswer(long seed) {
        ExitsProblem p = instance(seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(p.graph());
        for (int k = 0; k < 20; k++) {
            ExitsProblem q = vary(p, rng);
            Result<ExitPlan> pruned = new CompiledMinCutExitsSolver().solve(q, SolveLimits.none());
            // the same search and cuts without the cut's cost: every exit set evaluated
            var outcome = ExitSetSearch.solve(q, SolveLimits.none().startDeadline(),
                    (c, set, profile, w) -> {
                        net.setReachWeights(c.reach(set));
                        net.setParameters(q.device(), q.edge(), q.link(), w, q.deviceLoad());
                        net.solve();
                        return ExitSets.tidy(q.graph(), profile, net.plan());
                    });
            String label = "seed " + seed + " state " + k + " " + q.variant();
            assertEquals(outcome.status(), pruned.status(), label);
            assertEquals(outcome.plan(), pruned.plan(), label);
            if (outcome.plan().isPresent()) {
                Placement x = outcome.plan().get().placement();
                assertEquals(Double.doubleToLongBits(q.evaluate(new ExitPlan(outcome.plan().get().activeExits(), x))
                        .objective()), Double.doubleToLongBits(pruned.objective()), label);
            }
        }
    }
}
