package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P1 by a minimum s–t cut (Hu et al., "Dynamic Adaptive DNN Surgery for Inference
 * Acceleration on the Edge", INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614), on JGraphT's
 * Edmonds–Karp max-flow.
 *
 * <p>The source side is the device, the sink side the edge. With the weighted per-layer costs of
 * {@link PartitionCoefficients}: arc {@code s → v} of capacity edgeCost(v) and {@code v → t} of
 * capacity deviceCost(v). DADS' construction is completed in three ways:
 * <ol>
 *   <li>a tensor with several consumers gets an auxiliary vertex {@code a_u}: {@code u → a_u} of
 *   capacity sendCost(u) and {@code a_u → v} of infinite capacity for each consumer, so the tensor
 *   is paid once however many edge-side consumers it has (a single-consumer tensor is the arc
 *   {@code u → v} itself);</li>
 *   <li>an infinite reverse arc {@code v → u} for every arc {@code u → v} forbids the edge → device
 *   transfer that DADS' construction allows and under-prices;</li>
 *   <li>an infinite arc {@code s → input} pins the input to the device.</li>
 * </ol>
 * Download of the result, link latency and the energy terms are in the coefficients, folded into
 * the output layer's edge cost. A finite cut is then exactly a monotone placement and its capacity
 * its cost. Capacities are divided by their sum before the max-flow, so the flow's tolerance is
 * relative. Complexity: O(V·E²) for Edmonds–Karp on |V| + #multi-consumer tensors + 2 vertices.
 *
 * <p>JGraphT's push-relabel implementation is not used: on about 2 % of the differential
 * instances its source partition did not match the max-flow value it returned (the flow value
 * was right, the cut read back was not), so the plan was suboptimal.
 */
public final class MinCutPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    public MinCutPartitionSolver() {
        super("mincut", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, Set.of(),
                "min s-t cut (DADS construction + send-once auxiliary vertices + reverse infinite arcs), JGraphT");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        int n = g.size();
        MinCutNetwork.Cut cut = MinCutNetwork.solve(g, c);
        if (cut.vertices() == 0) {
            return Outcome.optimal(cut.placement()).stat("vertices", n);
        }
        return Outcome.optimal(cut.placement())
                .stat("vertices", cut.vertices())
                .stat("arcs", cut.arcs())
                .stat("normalisedCut", cut.normalisedCut());
    }
}
