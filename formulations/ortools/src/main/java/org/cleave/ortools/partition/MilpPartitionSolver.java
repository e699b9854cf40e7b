package org.cleave.ortools.partition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.ScaledPartitionCosts;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.MilpBackend;

/**
 * Exact P1 as a mixed-integer linear program solved through OR-Tools' MPSolver on a
 * {@link MilpBackend} (SCIP, CBC or HiGHS). With the weighted per-layer costs D_v (device), E_v
 * (edge; the output's includes the result download and the link latency) and S_u (sending u's
 * output) of {@link PartitionCoefficients}:
 * <pre>
 *   min  Σ_v D_v·(1 − x_v) + Σ_v E_v·x_v + Σ_{u: S_u &gt; 0, outdeg(u) &gt; 0} S_u·s_u
 *   s.t. x_input = 0
 *        x_u ≤ x_v                 for every arc u → v   (monotone: nothing returns edge → device)
 *        s_u ≥ x_v − x_u           for every arc u → v   (u's tensor is sent once if any consumer is on the edge)
 *        x_v ∈ {0, 1},  s_u ∈ [0, 1]
 * </pre>
 * x_v = 1 puts layer v on the edge. s_u may be continuous: at an optimum with S_u &gt; 0 it equals
 * max_v (x_v − x_u) ∈ {0, 1}. |V| binaries, at most |V| continuous variables, 2|A| rows. The cost
 * is that of Kang et al., Neurosurgeon (doi:10.1145/3037697.3037698) and Hu et al., DADS
 * (doi:10.1109/INFOCOM.2019.8737614), see {@link PartitionProblem}.
 *
 * <p>Numerics: the objective is divided by U = min(device-only cost, edge-only cost) ≥ OPT so
 * the backend's absolute tolerances act relative to the instance; the relative MIP gap is 0.
 * The plan is read by rounding x_v at 0.5 and re-evaluated by the family evaluator; the reported
 * bound is the backend's best bound times U, capped at the backend's objective value (a bound
 * above the incumbent can only be tolerance noise). MILP is NP-hard in general, but this LP
 * relaxation is the min s–t cut LP of the network in the algorithms module's min-cut solver (the
 * auxiliary vertex of a multi-consumer tensor u is y = x_u + s_u), whose optima are integral, so
 * the backends usually close it at the root node.
 *
 * <p>One class per backend (ServiceLoader needs a public no-argument constructor):
 * {@link Scip}, {@link Cbc}, {@link Highs}.
 */
public abstract class MilpPartitionSolver extends OrToolsSolver<PartitionProblem, Placement> {
    private final MilpBackend backend;

    protected MilpPartitionSolver(MilpBackend backend) {
        super(backend.solverId(), Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, backend.honours(),
                "MILP (x_v binary, monotone arcs, send-once s_u) through OR-Tools MPSolver on "
                        + backend.name());
        this.backend = backend;
    }

    /** The backend. */
    public MilpBackend backend() {
        return backend;
    }

    @Override
    protected Outcome<Placement> runNative(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        int n = g.size();
        double upper = ScaledPartitionCosts.upperBound(c);
        double norm = upper > 0 ? upper : 1;
        MPSolver solver = backend.create();
        try {
            Map<String, Object> applied = backend.apply(solver, limits, deadline);
            MPObjective objective = solver.objective();
            MPVariable[] x = new MPVariable[n];
            double offset = 0;
            for (int v = 0; v < n; v++) {
                x[v] = solver.makeBoolVar("x_" + v);
                objective.setCoefficient(x[v], (c.edgeCost(v) - c.deviceCost(v)) / norm);
                offset += c.deviceCost(v) / norm;
            }
            x[0].setBounds(0, 0);
            objective.setOffset(offset);
            objective.setMinimization();
            for (int u = 0; u < n; u++) {
                MPVariable s = null;
                if (g.outDegree(u) > 0 && c.sendCost(u) > 0) {
                    s = solver.makeNumVar(0, 1, "s_" + u);
                    objective.setCoefficient(s, c.sendCost(u) / norm);
                }
                for (int k = 0; k < g.outDegree(u); k++) {
                    MPVariable xv = x[g.successor(u, k)];
                    MPConstraint monotone = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "mono_" + u + "_" + k);
                    monotone.setCoefficient(x[u], 1);
                    monotone.setCoefficient(xv, -1);
                    if (s != null) {
                        MPConstraint send = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "send_" + u + "_" + k);
                        send.setCoefficient(xv, 1);
                        send.setCoefficient(x[u], -1);
                        send.setCoefficient(s, -1);
                    }
                }
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus raw = backend.solve(solver, parameters, limits, deadline);
            parameters.delete();
            Status status = MilpBackend.status(raw, deadline);
            Outcome<Placement> outcome;
            if (status.hasPlan()) {
                boolean[] onEdge = new boolean[n];
                for (int v = 0; v < n; v++) {
                    onEdge[v] = x[v].solutionValue() > 0.5;
                }
                Placement plan = Placement.of(onEdge);
                outcome = status == Status.OPTIMAL ? Outcome.optimal(plan) : Outcome.feasible(plan);
                outcome.bound(Math.min(objective.bestBound(), objective.value()) * norm);
                if (status == Status.FEASIBLE) {
                    outcome.message("time limit reached before " + backend.name() + " proved optimality");
                }
            } else {
                outcome = Outcome.none(status, backend.name() + " returned " + raw
                        + (status == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
                if (status == Status.NO_SOLUTION_IN_LIMIT && Double.isFinite(objective.bestBound())) {
                    outcome.bound(objective.bestBound() * norm);
                }
            }
            applied.forEach(outcome::param);
            return outcome.param("relativeMipGap", 0.0).param("objectiveDivisor", norm)
                    .stat("variables", solver.numVariables()).stat("constraints", solver.numConstraints())
                    .stat("nodes", solver.nodes()).stat("iterations", solver.iterations());
        } finally {
            solver.delete();
        }
    }

    /** {@code ortools-milp:scip}, the default MILP backend. */
    public static final class Scip extends MilpPartitionSolver {
        public Scip() {
            super(MilpBackend.SCIP);
        }
    }

    /** {@code ortools-milp:cbc}. */
    public static final class Cbc extends MilpPartitionSolver {
        public Cbc() {
            super(MilpBackend.CBC);
        }
    }

    /** {@code ortools-milp:highs}. */
    public static final class Highs extends MilpPartitionSolver {
        public Highs() {
            super(MilpBackend.HIGHS);
        }
    }
}
