package org.cleave.ortools;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Status;

/**
 * The MILP backends reachable through OR-Tools' {@link MPSolver}, shared by every family's MILP
 * formulation: how to create one, which {@link SolveLimits} it honours and how, and how its
 * result status maps to Cleave's {@link Status}.
 *
 * <ul>
 *   <li>time limit: the time left on the solve's {@link Deadline} (which starts with the solve, so
 *   model building counts), through {@link MPSolver#setTimeLimit(long)} (milliseconds, at least 1),
 *   set again right before the backend starts; recorded as the parameter {@code timeLimit} (the
 *   solve's limit);</li>
 *   <li>threads: {@link MPSolver#setNumThreads(int)};</li>
 *   <li>seed: SCIP only, as {@code randomization/randomseedshift}; CBC and HiGHS take no seed
 *   through MPSolver (they are deterministic single-threaded) so they do not declare
 *   {@link Capability#SEED}.</li>
 * </ul>
 */
public enum MilpBackend {
    /** SCIP (the default): the solver id {@code ortools-milp:scip}. */
    SCIP("scip", "SCIP", true),
    /** COIN-OR CBC: {@code ortools-milp:cbc}. */
    CBC("cbc", "CBC", false),
    /** HiGHS: {@code ortools-milp:highs}. */
    HIGHS("highs", "HIGHS", false);

    private final String key;
    private final String orToolsName;
    private final boolean seeded;

    MilpBackend(String key, String orToolsName, boolean seeded) {
        this.key = key;
        this.orToolsName = orToolsName;
        this.seeded = seeded;
    }

    /** Lower-case key, the suffix of the solver id. */
    public String key() {
        return key;
    }

    /** The solver id, {@code ortools-milp:<key>}. */
    public String solverId() {
        return "ortools-milp:" + key;
    }

    /** The limits honoured. */
    public Set<Capability> honours() {
        return seeded ? Set.of(Capability.TIME_LIMIT, Capability.THREADS, Capability.SEED)
                : Set.of(Capability.TIME_LIMIT, Capability.THREADS);
    }

    /**
     * A new, empty {@link MPSolver} of this backend; the caller must {@link MPSolver#delete()} it.
     *
     * @throws IllegalArgumentException when the natives do not load or this OR-Tools build lacks
     *                                  the backend (so the solve ends as INVALID_INPUT with the reason)
     */
    public MPSolver create() {
        OrToolsNatives.require();
        MPSolver solver = MPSolver.createSolver(orToolsName);
        if (solver == null) {
            throw new IllegalArgumentException("solver: the MILP backend " + orToolsName
                    + " is not available in this OR-Tools build. Maybe use ortools-milp:scip or mincut");
        }
        solver.suppressOutput();
        if (this == HIGHS) {
            // HiGHS prints its banner on the process's native stdout unless output_flag is off,
            // which would corrupt `cleave solve --json` (suppressOutput() does not reach it).
            solver.setSolverSpecificParametersAsString("output_flag=false");
        }
        return solver;
    }

    /** Applies {@code limits} to {@code solver}; returns what was set, for the result's parameters. */
    public Map<String, Object> apply(MPSolver solver, SolveLimits limits, Deadline deadline) {
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("backend", name());
        applied.put("backendVersion", solver.solverVersion()); // OR-Tools 9.15 reports HiGHS as "PDLP Solver"
        if (limits.timeLimit().isPresent()) {
            // the solve's limit, counted from its start; the backend gets what is left of it
            solver.setTimeLimit(Math.max(1, deadline.remaining().toMillis()));
            applied.put("timeLimit", limits.timeLimit().get());
        }
        applied.put("threads", solver.setNumThreads(limits.threads()) ? limits.threads() : "1 (backend refused "
                + limits.threads() + ")");
        if (seeded && limits.seed().isPresent()) {
            int shift = (int) Math.floorMod(limits.seed().getAsLong(), (long) Integer.MAX_VALUE);
            boolean ok = solver.setSolverSpecificParametersAsString(
                    String.format(Locale.ROOT, "randomization/randomseedshift = %d", shift));
            applied.put("seed", ok ? String.valueOf(shift) : "rejected by the backend");
        }
        return applied;
    }

    /**
     * The time limit to hand the backend for the next solve, in milliseconds (at least 1): the time
     * left on {@code deadline} less a reserve of a quarter of it, at most 250 ms, for reading and
     * re-evaluating the answer (CBC and HiGHS check their clocks only between nodes or LP solves).
     */
    public static long backendMillis(Deadline deadline) {
        long left = deadline.remaining().toMillis();
        return Math.max(1, left - Math.min(250, left / 4));
    }

    /**
     * {@link #solve(MPSolver, MPSolverParameters, boolean)} with the time limit counted from the start
     * of the solve: when {@code limits} has a time limit, the backend's limit is first set to the
     * time left on {@code deadline} (at least 1 ms), so the time spent building the model is not
     * given to the backend a second time.
     */
    public MPSolver.ResultStatus solve(MPSolver solver, MPSolverParameters parameters, SolveLimits limits,
                                       Deadline deadline) {
        boolean timed = limits.timeLimit().isPresent();
        if (timed) {
            solver.setTimeLimit(Math.max(1, deadline.remaining().toMillis()));
        }
        return solve(solver, parameters, timed);
    }

    /**
     * {@code solver.solve(parameters)} (its wall time recorded as the solve's {@code solveSeconds},
     * see {@link SolveClock}), robust to a status the Java enum cannot represent: OR-Tools
     * 9.15's HiGHS interface answers a time limit with MPSOLVER_UNKNOWN_STATUS (99), on which the
     * generated enum throws. When the solve had a time limit that answer is read as NOT_SOLVED (the
     * limit came first; no plan is trusted); without one, as a defect of the backend
     * (IllegalArgumentException, so INVALID_INPUT).
     */
    public MPSolver.ResultStatus solve(MPSolver solver, MPSolverParameters parameters, boolean timeLimited) {
        try {
            return SolveClock.backend(() -> solver.solve(parameters));
        } catch (IllegalArgumentException e) {
            if (timeLimited) {
                return MPSolver.ResultStatus.NOT_SOLVED;
            }
            throw new IllegalArgumentException("solver: " + name() + " returned a status OR-Tools cannot name ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Cleave's status for an MPSolver result status. OPTIMAL, FEASIBLE and INFEASIBLE map to
     * themselves; NOT_SOLVED, and ABNORMAL once the deadline has passed, mean the limit came first
     * (NO_SOLUTION_IN_LIMIT); UNBOUNDED, MODEL_INVALID and ABNORMAL before the deadline are a
     * defect of the model and are reported as INVALID_INPUT with the backend's status.
     */
    public static Status status(MPSolver.ResultStatus status, Deadline deadline) {
        switch (status) {
            case OPTIMAL:
                return Status.OPTIMAL;
            case FEASIBLE:
                return Status.FEASIBLE;
            case INFEASIBLE:
                return Status.INFEASIBLE;
            case NOT_SOLVED:
                return Status.NO_SOLUTION_IN_LIMIT;
            case ABNORMAL:
                return deadline.expired() ? Status.NO_SOLUTION_IN_LIMIT : Status.INVALID_INPUT;
            default:
                return Status.INVALID_INPUT;
        }
    }
}
