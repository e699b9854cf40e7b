package org.cleave.workflows.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Sense;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.junit.jupiter.api.Test;

class PlanEvaluatorTest {
    private static final int STATES = 200;
    private static final RandomGraphs.Shape[] SHAPES = RandomGraphs.Shape.values();
    private final PlanEvaluator evaluator = new PlanEvaluator();

    /**
     * Every heuristic and baseline of {@code family} on {@value #STATES} seeded instances: the
     * evaluator's gap equals (h − f*)/|f*| (sense-adjusted) recomputed here from the objective of
     * the heuristic's plan and the optimum of a second exact solver ({@code independentExact}),
     * and an infeasible plan is reported infeasible with the evaluator's violations.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void gapsMatch(Family family, String independentExact, LongFunction<Problem<?>> instances) {
        List<Solver<?, ?>> heuristics = Solvers.of(family).stream().filter(s -> s.kind() != SolverKind.EXACT).toList();
        assertFalse(heuristics.isEmpty(), family.key());
        Solver exact = Solvers.require(family, independentExact);
        int scored = 0;
        int infeasible = 0;
        for (long seed = 0; seed < STATES; seed++) {
            Problem problem = instances.apply(seed);
            PlanEvaluator.Optimum optimum = evaluator.optimum(problem, Solvers.defaultExact(family), SolveLimits.none());
            Result check = exact.solve(problem);
            double fStar = check.status() == Status.OPTIMAL ? check.objective() : Double.NaN;
            assertEquals(Double.isNaN(fStar), Double.isNaN(optimum.objective()), "seed " + seed);
            for (Solver h : heuristics) {
                Result r = h.solve(problem);
                if (r.plan().isEmpty()) {
                    continue;
                }
                Object plan = r.plan().get();
                PlanScore s = evaluator.score(seed, problem, plan, optimum.objective());
                Evaluation e = problem.evaluate(plan);
                String where = family.code() + " seed " + seed + " " + h.id();
                assertEquals(seed, s.index(), where);
                assertEquals(e.objective(), s.objective(), 0, where);
                assertEquals(e.feasible(), s.feasible(), where);
                assertEquals(e.violations(), s.violations(), where);
                assertEquals(Breakdowns.columns(family), List.copyOf(s.breakdown().keySet()), where);
                if (!e.feasible() || Double.isNaN(fStar)) {
                    assertTrue(Double.isNaN(s.gap()), where + ": gap " + s.gap());
                    infeasible += e.feasible() ? 0 : 1;
                    continue;
                }
                double expected = problem.sense() == Sense.MINIMIZE
                        ? (e.objective() - fStar) / Math.abs(fStar) : (fStar - e.objective()) / Math.abs(fStar);
                assertEquals(expected, s.gap(), 1e-8, where + ": optimum " + fStar + ", heuristic " + e.objective());
                assertTrue(s.gap() >= -1e-9, where + ": a heuristic beat the optimum, gap " + s.gap());
                scored++;
            }
        }
        assertTrue(scored >= STATES / 2, family.key() + ": only " + scored + " feasible heuristic plans scored");
        System.out.printf("%s: %d feasible heuristic plans scored, %d infeasible%n", family.code(), scored, infeasible);
    }

    @Test
    void partitionHeuristicGapsMatchAnIndependentOptimum() {
        gapsMatch(Family.PARTITION, "enumerate", seed -> RandomPartitionInstances.partition(seed,
                SHAPES[(int) (seed % SHAPES.length)], 1 + (int) (seed % 14), RandomPartitionInstances.WeightMode.MIXED));
    }

    @Test
    void exitsHeuristicGapsMatchAnIndependentOptimum() {
        gapsMatch(Family.EXITS, "mincut-compiled", seed -> RandomExitsInstances.exits(seed,
                SHAPES[(int) (seed % SHAPES.length)], 2 + (int) (seed % 10), 3));
    }

    @Test
    void multiUserHeuristicGapsMatchAnIndependentOptimum() {
        gapsMatch(Family.MULTIUSER, "enumerate", seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            return RandomMultiUserInstances.random(seed, 1 + rng.nextInt(3), 1 + rng.nextInt(6), 1 + rng.nextInt(6),
                    1 + rng.nextInt(4), RandomMultiUserInstances.Source.DRAWN,
                    seed % 2 == 0 ? RandomMultiUserInstances.Constraints.SOME : RandomMultiUserInstances.Constraints.NONE);
        });
    }

    @Test
    void aPlanBelowTheAccuracyFloorIsInfeasibleWithTheFloorNamed() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            ExitsProblem p = RandomExitsInstances.exits(seed, RandomGraphs.Shape.CHAIN, 6, 3);
            if (!(p.variant() instanceof ExitsProblem.MinCost m)) {
                continue;
            }
            ExitPlan plan = ExitPlan.withoutExits(Placement.allDevice(p.graph().size()));
            double accuracy = p.evaluate(plan).accuracy();
            ExitsProblem strict = p.withVariant(new ExitsProblem.MinCost(m.weights(), Math.min(1, accuracy + 0.01),
                    OptionalDouble.empty()));
            double optimum = evaluator.optimum(strict, "mincut", SolveLimits.none()).objective();
            PlanScore s = evaluator.score(strict, plan, optimum);
            assertFalse(s.feasible(), "seed " + seed);
            assertTrue(Double.isNaN(s.gap()), "seed " + seed);
            assertEquals(1, s.violations().size(), "seed " + seed);
            assertTrue(s.violations().get(0).contains("below minAccuracy"), s.violations().toString());
            checked++;
        }
        assertTrue(checked > 10, "only " + checked + " min-cost instances");
    }

    @Test
    void aPlanOverTheUnitBudgetIsInfeasibleWithTheBudgetNamed() {
        for (long seed = 0; seed < 20; seed++) {
            MultiUserProblem p = RandomMultiUserInstances.random(seed, 3, 4, 4, 3, RandomMultiUserInstances.Source.DRAWN,
                    RandomMultiUserInstances.Constraints.NONE);
            List<UserChoice> choices = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                choices.add(new UserChoice(0, 2, 1));
            }
            PlanScore s = evaluator.score(p, new MultiUserPlan(choices), Double.NaN);
            assertFalse(s.feasible(), "seed " + seed);
            assertTrue(s.violations().contains("compute units: the plan uses 6 of K_F = 4"), s.violations().toString());
            assertFalse(s.violations().stream().anyMatch(v -> v.startsWith("bandwidth units")), "seed " + seed);
        }
    }

    @Test
    void aNonMonotonePlacementIsRejectedAndNamed() {
        PartitionProblem p = RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 4,
                RandomPartitionInstances.WeightMode.LATENCY);
        Placement bad = Placement.of(new boolean[] {false, true, false, false, false});
        PlanScore s = evaluator.score(7, p, bad, 1.0);
        assertFalse(s.feasible());
        assertTrue(s.violations().get(0).startsWith("plan rejected by the evaluator: ")
                && s.violations().get(0).contains("not monotone"), s.violations().toString());
        assertTrue(Double.isNaN(s.objective()) && Double.isNaN(s.gap()) && s.breakdown().isEmpty());
    }

    @Test
    void theOptimumNeedsAnExactSolver() {
        PartitionProblem p = RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 4,
                RandomPartitionInstances.WeightMode.LATENCY);
        String m = assertThrows(IllegalArgumentException.class,
                () -> evaluator.optimum(p, "topo-cut", SolveLimits.none())).getMessage();
        assertTrue(m.startsWith("solver: \"topo-cut\" is a baseline solver; the optimum needs an exact one, e.g. mincut"),
                m);
        m = assertThrows(IllegalArgumentException.class, () -> evaluator.optimum(p, "nope", SolveLimits.none()))
                .getMessage();
        assertTrue(m.startsWith("solver: no solver \"nope\""), m);
        PlanEvaluator.Optimum o = evaluator.optimum(p, "mincut", SolveLimits.none());
        assertEquals(p.evaluate((Placement) o.plan().orElseThrow()).objective(), o.objective(), 0);
        List<PlanScore> all = evaluator.scoreAll(p, List.of(o.plan().get(), Placement.allDevice(5)), "enumerate",
                SolveLimits.none());
        assertTrue(all.get(0).optimal());
        assertEquals(1, all.get(1).index());
    }

    @Test
    void gapAndSummaryFollowTheirDefinitions() {
        assertEquals(0.5, PlanEvaluator.gap(3, 2, Sense.MINIMIZE), 0);
        assertEquals(0.25, PlanEvaluator.gap(0.6, 0.8, Sense.MAXIMIZE), 1e-15);
        assertEquals(0, PlanEvaluator.gap(0, 0, Sense.MINIMIZE), 0);
        assertEquals(Double.POSITIVE_INFINITY, PlanEvaluator.gap(1, 0, Sense.MINIMIZE), 0);
        assertTrue(Double.isNaN(PlanEvaluator.gap(1, Double.NaN, Sense.MINIMIZE)));
        List<PlanScore> scores = new ArrayList<>();
        double[] gaps = {0, 0, 0.1, 0.2, 0.4};
        for (int i = 0; i < gaps.length; i++) {
            scores.add(new PlanScore(i, true, List.of(), 1 + gaps[i], java.util.Map.of(), 1, gaps[i]));
        }
        scores.add(new PlanScore(5, false, List.of("x"), 9, java.util.Map.of(), 1, Double.NaN));
        ScoreSummary s = ScoreSummary.of(scores);
        assertEquals(6, s.count());
        assertEquals(5, s.feasible());
        assertEquals(2, s.optimal());
        assertEquals(5.0 / 6, s.feasibleShare(), 1e-15);
        assertEquals(2.0 / 6, s.optimalShare(), 1e-15);
        assertEquals(0.14, s.meanGap(), 1e-12);
        assertEquals(0.1, s.medianGap(), 0);
        assertEquals(0.4, s.p95Gap(), 0); // ceil(0.95 * 5) = 5th smallest
        assertEquals(0.4, s.maxGap(), 0);
        assertEquals(0, s.betterThanOptimum());
    }
}
