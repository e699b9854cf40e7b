package org.cleave.algorithms.exits;

import java.util.Set;
import org.cleave.algorithms.partition.MinCutNetwork;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P2 ({@link ExitsProblem}) by enumerating the exit sets and solving, for each, a minimum
 * s–t cut with reach-weighted capacities ({@link org.cleave.core.exits.ExpectedLoads}, a JGraphT
 * {@link MinCutNetwork} per exit set; {@link CompiledMinCutExitsSolver} is the compiled twin). For a
 * fixed exit set the accuracy is fixed and the expected cost is a sum of per-layer terms, so the
 * cut is the cheapest placement (Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614,
 * applied per exit set as in Edgent, doi:10.1109/TWC.2019.2946140).
 *
 * <ul>
 *   <li>Variant (a): sets below the accuracy floor are skipped; for each other set the cost cut.
 *   When a latency bound L is given and the cost cut exceeds it, the set is dropped if its cost
 *   cut is no better than the incumbent (a lower bound) or if even its latency cut exceeds L;
 *   otherwise the set's order ideals are enumerated (exact, at most
 *   {@value #MAX_IDEALS} of them, else INVALID_INPUT).</li>
 *   <li>Variant (b): for the full model and each single exit (model truncated there), the latency
 *   cut; the most accurate set whose least latency is within L wins, ties to the lower latency.</li>
 * </ul>
 * Returns INFEASIBLE when no plan meets the constraints. O(2^m · V·E²) without a binding latency
 * bound. Feasibility is always decided by the evaluator. Stops at the time limit with the best
 * plan so far (FEASIBLE).
 */
public final class MinCutExitsSolver extends AbstractSolver<ExitsProblem, ExitPlan> {
    /** Most order ideals enumerated for one exit set under a binding latency bound. */
    public static final long MAX_IDEALS = ExitSetSearch.MAX_IDEALS;

    public MinCutExitsSolver() {
        super("mincut", Family.EXITS, SolverKind.EXACT, ExitsProblem.class, Set.of(Capability.TIME_LIMIT),
                "exit-set enumeration x reach-weighted min s-t cut (ideal enumeration when a latency bound binds)");
    }

    @Override
    protected Outcome<ExitPlan> run(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        return ExitSetSearch.solve(problem, deadline, (catalogue, set, profile, w) -> {
            PartitionCoefficients c = problem.loads(profile).weightedCoefficients(w, problem.device(), problem.link());
            return ExitSets.tidy(g, profile, MinCutNetwork.solve(g, c).placement());
        });
    }
}
