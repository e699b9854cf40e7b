package org.cleave.algorithms.exits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.MinCutNetwork;
import org.cleave.algorithms.partition.ReachWeights;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsAgreementContract;
import org.cleave.core.exits.ExitsBruteForce;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.solve.Solver;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mincut-compiled} agrees with {@code mincut} (JGraphT) on the 500 P2 instances of
 * {@link ExitsAgreementContract}; and, exit set by exit set (not only at the optimum), the compiled
 * cut costs what the JGraphT cut costs under the evaluator, for the objective weights and for
 * latency, with nested (variant (a)) and truncated (variant (b)) profiles.
 */
class CompiledMinCutExitsAgreementTest extends ExitsAgreementContract {
    private static final double REL = 1e-9;

    @Override
    protected List<Solver<ExitsProblem, ExitPlan>> solvers() {
        return List.of(new CompiledMinCutExitsSolver());
    }

    @Override
    protected Solver<ExitsProblem, ExitPlan> reference() {
        return new MinCutExitsSolver();
    }

    static LongStream cutSeeds() {
        return Seeds.of(5150, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cutSeeds")
    void everyExitSetCutCostsWhatTheJGraphTCutCosts(long seed) {
        ExitsProblem p = instance(seed);
        DnnGraph g = p.graph();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        CostWeights objective = p.variant() instanceof ExitsProblem.MinCost a ? a.weights() : CostWeights.LATENCY;
        for (List<String> set : ExitsBruteForce.exitSets(p)) {
            StopProfile profile = p.profile(set);
            for (CostWeights w : List.of(objective, CostWeights.LATENCY)) {
                net.setReachWeights(ReachWeights.of(profile));
                net.setParameters(p.device(), p.edge(), p.link(), w, p.deviceLoad());
                net.solve();
                PartitionCoefficients c = p.loads(profile).weightedCoefficients(w, p.device(), p.link());
                Placement reference = MinCutNetwork.solve(g, c).placement();
                ExitsProblem priced = p.withVariant(new ExitsProblem.MinCost(w, 0, OptionalDouble.empty()));
                double want = priced.evaluate(new ExitPlan(set, reference)).objective();
                double got = priced.evaluate(new ExitPlan(set, net.plan())).objective();
                assertEquals(want, got, REL * Math.max(want, Double.MIN_NORMAL), "seed " + seed + " exits " + set
                        + " weights " + w + " (" + p.variant() + ")");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cutSeeds")
    void nestedReachWeightsAreThoseOfOfActiveExits(long seed) {
        ExitsProblem p = instance(seed);
        if (!(p.variant() instanceof ExitsProblem.MinCost)) {
            p = p.withVariant(new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty()));
        }
        for (List<String> set : ExitsBruteForce.exitSets(p)) {
            ReachWeights ours = ReachWeights.of(p.profile(set));
            ReachWeights theirs = ReachWeights.ofActiveExits(p.graph(), StopProfile.resolve(p.graph(), set));
            assertArrayEquals(theirs.layerReach(), ours.layerReach(), 1e-15);
            assertArrayEquals(theirs.exitReach(), ours.exitReach(), 1e-15);
            assertArrayEquals(theirs.resultShare(), ours.resultShare(), 1e-15);
            double[] t = theirs.tensorReach();
            double[] o = ours.tensorReach();
            int out = p.graph().outputIndex();
            t[out] = 0; // the output's tensor is never sent; ofActiveExits writes 0, the profile 1 − r
            o[out] = 0;
            assertArrayEquals(t, o, 1e-15);
        }
    }
}
