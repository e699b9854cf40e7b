package org.cleave.algorithms.exits;

import java.util.List;
import java.util.Set;
import org.cleave.algorithms.partition.MinCutNetwork;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * The inverse search of DAPDEE (Dynamic Adaptive Partitioning of DNNs based on an Early Exit
 * mechanism, J. Electronics &amp; Information Technology 2025, doi:10.11999/JEIT250291) for P2
 * ({@link ExitsProblem}), a heuristic: the candidates are the full
 * model and then each exit alone, from the deepest towards the shallowest ({@link ExitSets#deepestFirst});
 * each gets its best partition by a reach-weighted min-cut.
 *
 * <ul>
 *   <li>Variant (b), right-sizing: the first candidate whose least latency meets L is returned.
 *   When accuracy increases with depth this is the exact optimum; otherwise a shallower, more
 *   accurate exit can be missed. If no candidate meets L, none exists (every single exit was
 *   checked with its exact least latency): INFEASIBLE.</li>
 *   <li>Variant (a): walking the same order, the cheapest feasible candidate is kept (cost cut,
 *   or latency cut when the cost cut exceeds L); the walk stops at the first candidate below the
 *   accuracy floor, beyond which, with accuracy increasing in depth, none qualifies. Multi-exit
 *   sets are never tried. Without a feasible candidate: NO_SOLUTION_IN_LIMIT (not a proof).</li>
 * </ul>
 * O(m · V·E²) for m exits.
 */
public final class InverseSearchExitsSolver extends AbstractSolver<ExitsProblem, ExitPlan> {
    public InverseSearchExitsSolver() {
        super("inverse-search", Family.EXITS, SolverKind.HEURISTIC, ExitsProblem.class, Set.of(),
                "DAPDEE inverse search: single exits from the deepest towards the shallowest, min-cut partition each");
    }

    @Override
    protected Outcome<ExitPlan> run(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        List<List<String>> candidates = ExitSets.deepestFirst(problem.graph());
        int tried = 0;
        if (problem.variant() instanceof ExitsProblem.RightSizing) {
            for (List<String> set : candidates) {
                tried++;
                var profile = problem.profile(set);
                ExitPlan plan = new ExitPlan(set, cut(problem, profile, problem.loads(profile), CostWeights.LATENCY));
                if (problem.evaluate(plan).feasible()) {
                    return Outcome.feasible(plan).stat("candidates", tried);
                }
            }
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, "no exit (nor the full model) has a partition within"
                    + " maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble()).stat("candidates", tried);
        }
        ExitsProblem.MinCost a = (ExitsProblem.MinCost) problem.variant();
        ExitPlan best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (List<String> set : candidates) {
            var profile = problem.profile(set);
            if (profile.expectedAccuracy() < a.minAccuracy()) {
                break;
            }
            tried++;
            ExpectedLoads loads = problem.loads(profile);
            ExitPlan plan = new ExitPlan(set, cut(problem, profile, loads, a.weights()));
            ExitsCost c = problem.evaluate(plan);
            if (!c.feasible()) {
                plan = new ExitPlan(set, cut(problem, profile, loads, CostWeights.LATENCY));
                c = problem.evaluate(plan);
            }
            if (c.feasible() && c.objective() < bestObjective) {
                best = plan;
                bestObjective = c.objective();
            }
        }
        if (best == null) {
            return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "inverse search found no feasible"
                    + " single-exit plan; this is not a proof of infeasibility (mincut decides)")
                    .stat("candidates", tried);
        }
        return Outcome.feasible(best).stat("candidates", tried);
    }

    private static org.cleave.core.model.Placement cut(ExitsProblem p, org.cleave.core.exits.StopProfile profile,
                                                        ExpectedLoads loads, CostWeights w) {
        PartitionCoefficients c = loads.weightedCoefficients(w, p.device(), p.link());
        return ExitSets.tidy(p.graph(), profile, MinCutNetwork.solve(p.graph(), c).placement());
    }
}
