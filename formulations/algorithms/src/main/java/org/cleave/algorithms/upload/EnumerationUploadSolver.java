package org.cleave.algorithms.upload;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.upload.UploadProblem;

/**
 * Exact P5 by simulating every monotone placement (every order ideal of the DAG containing the
 * input, {@link OrderIdeals}) with the P5 evaluator: the reference the other exact P5 solvers are
 * checked against (Yang et al., MJOA-MU, doi:10.1016/j.comnet.2023.109801). O(#ideals ·
 * (|V| + |A|)) time, O(|V|) memory. Refuses graphs with more than {@value #MAX_IDEALS} ideals
 * (INVALID_INPUT); stops at the time limit with the best plan so far (FEASIBLE).
 */
public final class EnumerationUploadSolver extends AbstractSolver<UploadProblem, Placement> {
    /** Largest number of ideals enumerated. */
    public static final long MAX_IDEALS = 1L << 22;

    public EnumerationUploadSolver() {
        super("enumerate", Family.UPLOAD, SolverKind.EXACT, UploadProblem.class, Set.of(Capability.TIME_LIMIT),
                "simulates every monotone placement (order ideal); the exact reference for small graphs");
    }

    @Override
    protected Outcome<Placement> run(UploadProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        long ideals = OrderIdeals.count(g, MAX_IDEALS);
        if (ideals > MAX_IDEALS) {
            throw new InvalidModelException("model", "has more than " + MAX_IDEALS + " monotone placements for"
                    + " enumeration; " + g.size() + " layers. Maybe use branch-and-bound or pbt-beam");
        }
        UploadObjective objective = new UploadObjective(problem);
        OrderIdeals.Cheapest best = OrderIdeals.cheapest(g, MAX_IDEALS, deadline::expired, objective::of);
        Placement plan = Placement.of(best.onEdge());
        Outcome<Placement> outcome = best.stop() == OrderIdeals.Stop.COMPLETE
                ? Outcome.optimal(plan)
                : Outcome.<Placement>feasible(plan).message("time limit reached after " + best.visited() + " of "
                        + ideals + " placements");
        return outcome.stat("placements", best.visited()).stat("ideals", ideals);
    }
}
