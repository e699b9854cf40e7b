package org.cleave.ortools;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Status;

/**
 * What every CP-SAT formulation shares: a configured {@link CpSolver} (time left on the
 * deadline, {@code num_workers} = threads, {@code random_seed} = the seed (0 when none), gap
 * limits 0 so OPTIMAL means proven on the integer model), the solve call (time limit counted from
 * the start of the solve, backend time recorded by {@link SolveClock}) and the status mapping. CP-SAT needs
 * integer coefficients: scale costs with {@link org.cleave.core.solve.IntegerScaling}.
 */
public final class CpSatSupport {
    /** The limits a CP-SAT formulation honours. */
    public static final Set<Capability> HONOURS = Set.of(Capability.TIME_LIMIT, Capability.THREADS, Capability.SEED);

    private CpSatSupport() {
    }

    /**
     * A solver configured for {@code limits}; records what was set in {@code applied}.
     *
     * @throws IllegalArgumentException when the natives do not load
     */
    public static CpSolver solver(SolveLimits limits, Deadline deadline, Map<String, Object> applied) {
        OrToolsNatives.require();
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(limits.threads()).setRelativeGapLimit(0).setAbsoluteGapLimit(0)
                .setRandomSeed((int) Math.floorMod(limits.seedOr(0), (long) Integer.MAX_VALUE));
        applied.put("threads", limits.threads());
        applied.put("seed", limits.seedOr(0));
        if (limits.timeLimit().isPresent()) {
            setTimeLeft(solver, deadline);
            applied.put("timeLimit", limits.timeLimit().get()); // the solve's limit, counted from its start
        }
        return solver;
    }

    private static void setTimeLeft(CpSolver solver, Deadline deadline) {
        Duration left = deadline.remaining();
        solver.getParameters().setMaxTimeInSeconds(Math.max(1e-3, left.toNanos() / 1e9));
    }

    /**
     * {@code solver.solve(model)} with the time limit counted from the start of the solve: when
     * {@code limits} has one, CP-SAT's limit is first set to the time left on {@code deadline}, so
     * the time spent building the model is not given to CP-SAT a second time. Its wall time is the
     * solve's {@code solveSeconds} ({@link SolveClock}).
     */
    public static CpSolverStatus solve(CpSolver solver, CpModel model, SolveLimits limits, Deadline deadline) {
        if (limits.timeLimit().isPresent()) {
            setTimeLeft(solver, deadline);
        }
        return solve(solver, model);
    }

    /**
     * As {@link #solve(CpSolver, CpModel, SolveLimits, Deadline)}, reporting each improving solution
     * to {@code callback}.
     */
    public static CpSolverStatus solve(CpSolver solver, CpModel model, SolveLimits limits, Deadline deadline,
                                       CpSolverSolutionCallback callback) {
        if (limits.timeLimit().isPresent()) {
            setTimeLeft(solver, deadline);
        }
        return solve(solver, model, callback);
    }

    /** {@code solver.solve(model)}, its wall time recorded as the solve's {@code solveSeconds} ({@link SolveClock}). */
    public static CpSolverStatus solve(CpSolver solver, CpModel model) {
        return SolveClock.backend(() -> solver.solve(model));
    }

    /** {@code solver.solve(model, callback)}, its wall time recorded as the solve's {@code solveSeconds}. */
    public static CpSolverStatus solve(CpSolver solver, CpModel model, CpSolverSolutionCallback callback) {
        return SolveClock.backend(() -> solver.solve(model, callback));
    }

    /** {@link #solver(SolveLimits, Deadline, Map)} discarding the record of what was set. */
    public static CpSolver solver(SolveLimits limits, Deadline deadline) {
        return solver(limits, deadline, new LinkedHashMap<>());
    }

    /**
     * A new Boolean σ_u ⇔ (u's tensor is sent) = ¬x_u ∧ ∨_{u → v} x_v, by the clauses
     * x_u ∨ σ_u ∨ ¬x_v per consumer v, ¬σ_u ∨ ¬x_u and ¬σ_u ∨ ∨_{u → v} x_v (u must have consumers).
     */
    public static BoolVar sent(CpModel model, DnnGraph g, BoolVar[] x, int u) {
        int consumers = g.outDegree(u);
        BoolVar s = model.newBoolVar("s_" + u);
        Literal[] someConsumer = new Literal[consumers + 1];
        someConsumer[0] = s.not();
        for (int k = 0; k < consumers; k++) {
            int v = g.successor(u, k);
            model.addBoolOr(new Literal[] {x[v].not(), x[u], s});
            someConsumer[k + 1] = x[v];
        }
        model.addBoolOr(new Literal[] {s.not(), x[u].not()});
        model.addBoolOr(someConsumer);
        return s;
    }

    /**
     * Cleave's status for a CP-SAT status: OPTIMAL, FEASIBLE and INFEASIBLE map to themselves,
     * UNKNOWN (a limit came before any solution) to NO_SOLUTION_IN_LIMIT, MODEL_INVALID to
     * INVALID_INPUT.
     */
    public static Status status(CpSolverStatus status) {
        switch (status) {
            case OPTIMAL:
                return Status.OPTIMAL;
            case FEASIBLE:
                return Status.FEASIBLE;
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case UNKNOWN:
                return Status.NO_SOLUTION_IN_LIMIT;
            default:
                return Status.INVALID_INPUT;
        }
    }
}
