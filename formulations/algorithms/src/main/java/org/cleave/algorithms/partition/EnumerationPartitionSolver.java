package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P1 by enumerating every monotone placement, i.e. every order ideal of the DAG that
 * contains the input ({@link OrderIdeals}): the reference the other exact solvers are checked
 * against. O(#ideals · (|V| + |A|)) time, O(|V|) memory. Refuses graphs with more than
 * {@value #MAX_IDEALS} ideals (status INVALID_INPUT, with the count in the message); stops at
 * the time limit with the best plan seen so far (status FEASIBLE).
 */
public final class EnumerationPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    /** Largest number of ideals enumerated. */
    public static final long MAX_IDEALS = 1L << 22;

    public EnumerationPartitionSolver() {
        super("enumerate", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, Set.of(Capability.TIME_LIMIT),
                "enumeration of all order ideals (monotone placements); the exact reference for small graphs");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        long ideals = OrderIdeals.count(g, MAX_IDEALS);
        if (ideals > MAX_IDEALS) {
            throw new InvalidModelException("model", "has more than " + MAX_IDEALS + " monotone placements (order"
                    + " ideals) for enumeration; " + g.size() + " layers. Maybe use mincut");
        }
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        OrderIdeals.Cheapest best = OrderIdeals.cheapest(g, MAX_IDEALS, deadline::expired,
                onEdge -> cost(g, c, onEdge));
        Placement plan = Placement.of(best.onEdge());
        Outcome<Placement> outcome = best.stop() == OrderIdeals.Stop.COMPLETE
                ? Outcome.optimal(plan)
                : Outcome.<Placement>feasible(plan).message("time limit reached after " + best.visited() + " of "
                        + ideals + " placements");
        return outcome.stat("placements", best.visited()).stat("ideals", ideals);
    }

    /** P1 cost of a monotone placement from the coefficients, in O(|V| + |A|). */
    static double cost(DnnGraph g, PartitionCoefficients c, boolean[] onEdge) {
        double cost = 0;
        for (int v = 0; v < onEdge.length; v++) {
            if (onEdge[v]) {
                cost += c.edgeCost(v);
            } else {
                cost += c.deviceCost(v);
                for (int k = 0; k < g.outDegree(v); k++) {
                    if (onEdge[g.successor(v, k)]) {
                        cost += c.sendCost(v);
                        break;
                    }
                }
            }
        }
        return cost;
    }
}
