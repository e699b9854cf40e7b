package org.cleave.ortools.exits;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.RoundingBand;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Status;
import org.cleave.ortools.CpSatSupport;

/**
 * The two searches the early-exit CP-SAT formulations run on one {@link CpModel} of a
 * {@link CpSatStopChain}:
 * <ul>
 *   <li>{@link #solve} optimises the model and re-evaluates the plan in floating point. The
 *   model's real-valued rows (accuracy floor, latency bound, frame rate) are rounded
 *   <em>outwards</em> by their rounding error, so the integer model is a relaxation that keeps
 *   every plan the evaluator accepts; a plan the evaluator rejects (it lies within the rounding
 *   error of a bound) is cut off by a no-good clause — its exit set when the accuracy is short,
 *   else the plan — and the model solved again. The clauses only remove rejected plans, so the
 *   model stays a relaxation and its proven integer optimum, once accepted, is the integer
 *   optimum over every acceptable plan. An INFEASIBLE answer is confirmed by a second solve
 *   without presolve ({@link #presolveDisagreements()}).</li>
 *   <li>{@link #band} enumerates every solution of the model (objective replaced by a band
 *   constraint by the caller) and keeps the plan the evaluator prices best: the exact
 *   floating-point optimum, since every auxiliary Boolean is a function of (z, x) and every
 *   plan is one solution.</li>
 * </ul>
 * Every solve gets the time left on the deadline less a reserve; {@link CpSatSupport} sets
 * threads, seed and zero gap limits. Not thread-safe (one per solve).
 */
public final class CpSatExitSearch {
    /** Largest share of the time left kept back from CP-SAT's own limit (see {@link #solver()}). */
    public static final long MAX_RESERVE_MILLIS = 400;

    /** Most no-good clauses added before giving up. */
    public static final int MAX_CUTS = 50;

    /** Most plans a band enumeration visits before it stops (the answer is then FEASIBLE). */
    public static final int MAX_BAND_PLANS = RoundingBand.MAX_PLANS;

    /** What the evaluator says of a plan. */
    public enum Verdict {
        /** Feasible. */
        ACCEPT,
        /** Its exit set misses the accuracy floor: cut every plan with it. */
        CUT_EXIT_SET,
        /** It misses a bound that depends on the placement: cut the plan. */
        CUT_PLAN
    }

    /**
     * One solve's answer.
     *
     * @param status    Cleave's status
     * @param raw       CP-SAT's status
     * @param plan      the accepted plan, or null
     * @param objective CP-SAT's integer objective of the plan (0 without objective)
     * @param bound     CP-SAT's best integer objective bound
     */
    public record Found(Status status, CpSolverStatus raw, ExitPlan plan, long objective, double bound) {
    }

    /**
     * A band enumeration's answer.
     *
     * @param best     the plan priced best (ties: the smallest {@link #key}), or null
     * @param price    its price
     * @param plans    plans enumerated
     * @param complete whether every solution was enumerated
     */
    public record Band(ExitPlan best, double price, int plans, boolean complete) {
    }

    private final CpModel model;
    private final CpSatStopChain chain;
    private final SolveLimits limits;
    private final Deadline deadline;
    private final Map<String, Object> applied;
    private int cuts;
    private int presolveDisagreements;
    private int solves;
    private long branches;
    private long conflicts;

    /** A search on {@code model}; the limits applied by the first solve are recorded in {@code applied}. */
    public CpSatExitSearch(CpModel model, CpSatStopChain chain, SolveLimits limits, Deadline deadline,
                           Map<String, Object> applied) {
        this.model = model;
        this.chain = chain;
        this.limits = limits;
        this.deadline = deadline;
        this.applied = applied;
    }

    /**
     * A solver for the next solve: the time left less a reserve of half of it, at most
     * {@value #MAX_RESERVE_MILLIS} ms. CP-SAT's clock starts only after the model has been
     * serialised and copied into the native solver (a few hundred ms for a 500-layer P3 model on a
     * loaded machine), it overshoots its limit slightly at the end of presolve, and the answer is
     * still to be read and re-evaluated.
     */
    private CpSolver solver() {
        CpSolver solver = CpSatSupport.solver(limits, deadline, solves++ == 0 ? applied : new LinkedHashMap<>());
        if (limits.timeLimit().isPresent()) {
            long left = deadline.remaining().toMillis();
            long reserve = Math.min(MAX_RESERVE_MILLIS, left / 2);
            solver.getParameters().setMaxTimeInSeconds(Math.max(1, left - reserve) / 1e3);
        }
        return solver;
    }

    /** Solves until the evaluator accepts the plan, cutting rejected ones; see the class comment. */
    public Found solve(Function<ExitPlan, Verdict> check) {
        while (true) {
            CpSolver solver = solver();
            CpSolverStatus raw = CpSatSupport.solve(solver, model);
            branches += solver.numBranches();
            conflicts += solver.numConflicts();
            if (raw == CpSolverStatus.INFEASIBLE) {
                // an infeasibility claim has no plan to re-evaluate: confirm it without presolve
                CpSolver confirm = solver();
                confirm.getParameters().setCpModelPresolve(false);
                CpSolverStatus again = CpSatSupport.solve(confirm, model);
                branches += confirm.numBranches();
                conflicts += confirm.numConflicts();
                if (again == CpSolverStatus.OPTIMAL || again == CpSolverStatus.FEASIBLE) {
                    presolveDisagreements++;
                    solver = confirm;
                    raw = again;
                }
            }
            Status status = CpSatSupport.status(raw);
            double bound = solver.bestObjectiveBound();
            if (!status.hasPlan()) {
                return new Found(status, raw, null, 0, bound);
            }
            ExitPlan plan = chain.plan(solver::booleanValue);
            Verdict verdict = check.apply(plan);
            if (verdict == Verdict.ACCEPT) {
                return new Found(status, raw, plan, Math.round(solver.objectiveValue()), bound);
            }
            if (cuts >= MAX_CUTS || deadline.expired()) {
                return new Found(Status.NO_SOLUTION_IN_LIMIT, raw, null, 0, bound);
            }
            cuts++;
            if (verdict == Verdict.CUT_EXIT_SET) {
                chain.excludeExitSet(plan);
            } else {
                chain.excludePlan(plan);
            }
        }
    }

    /**
     * Enumerates every solution of the model (the caller has cleared its objective and bounded it
     * to the band) on one worker and keeps the plan of least {@code price} (NaN: not eligible).
     */
    public Band band(Function<ExitPlan, Double> price) {
        CpSolver solver = solver();
        solver.getParameters().setNumWorkers(1).setEnumerateAllSolutions(true);
        RoundingBand<ExitPlan> band = RoundingBand.of(MAX_BAND_PLANS, price::apply,
                Comparator.comparing(CpSatExitSearch::key));
        CpSolverStatus raw = CpSatSupport.solve(solver, model, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                if (!band.offer(chain.plan(this::booleanValue))) {
                    stopSearch();
                }
            }
        });
        branches += solver.numBranches();
        conflicts += solver.numConflicts();
        RoundingBand.Result<ExitPlan> r = band.result(raw == CpSolverStatus.OPTIMAL || raw == CpSolverStatus.INFEASIBLE);
        return new Band(r.best(), r.price(), r.plans(), r.complete());
    }

    /**
     * How a minimised objective is finished by {@link #minimised}.
     *
     * @param scaling        the objective's integer scaling
     * @param slackUnits     the rounding slack in integer units (at least the rows' rounding error)
     * @param price          the evaluator's objective of an accepted plan, NaN for a rejected one
     * @param restrictToBand clears the objective and bounds it to the given integer total (for an
     *                       integer optimum q: {@code q + 2·slackUnits})
     */
    public record Minimisation(IntegerScaling scaling, long slackUnits, Function<ExitPlan, Double> price,
                               LongConsumer restrictToBand) {
    }

    /**
     * The outcome of a minimisation whose first {@link #solve} gave {@code found}: OPTIMAL after a
     * complete band re-check; FEASIBLE when a limit came first (with the bound
     * {@code max(0, (B − slack)/scale)} from CP-SAT's integer bound B, or from q when the band was
     * cut short); {@code fallback} (a plan the evaluator accepts, or null) as FEASIBLE when the
     * limit came before any plan; otherwise {@code none}.
     *
     * @param how      the scaling, slack, pricing and band restriction of the minimised objective
     * @param fallback a plan the evaluator accepts, returned when the limit came first, or null
     * @param none     the outcome when there is no plan at all
     */
    public Outcome<ExitPlan> minimised(Found found, Minimisation how, ExitPlan fallback,
                                       Function<Found, Outcome<ExitPlan>> none) {
        IntegerScaling scaling = how.scaling();
        long slack = how.slackUnits();
        Function<ExitPlan, Double> price = how.price();
        if (found.plan() == null) {
            if (found.status() == Status.NO_SOLUTION_IN_LIMIT && fallback != null) {
                return Outcome.feasible(fallback).bound(lower(found.bound(), scaling, slack)).message("time limit"
                        + " reached before CP-SAT found a plan; returned the better of device-only and edge-only");
            }
            Outcome<ExitPlan> o = none.apply(found);
            return found.status() == Status.NO_SOLUTION_IN_LIMIT ? o.bound(lower(found.bound(), scaling, slack)) : o;
        }
        if (found.status() != Status.OPTIMAL) {
            return Outcome.feasible(found.plan())
                    .bound(Math.min(price.apply(found.plan()), lower(found.bound(), scaling, slack)))
                    .message("time limit reached before CP-SAT proved optimality");
        }
        long q = found.objective();
        how.restrictToBand().accept(q + 2 * slack);
        Band b = band(price);
        Outcome<ExitPlan> outcome;
        if (b.complete() && b.best() != null) {
            outcome = Outcome.optimal(b.best()).bound(b.price());
        } else {
            ExitPlan best = b.best() != null ? b.best() : found.plan();
            outcome = Outcome.feasible(best).bound(Math.min(price.apply(best), lower(q, scaling, slack)))
                    .message("the rounding-band re-check stopped after " + b.plans() + " plans; the objective is"
                            + " within the rounding error of the optimum");
        }
        return outcome.stat("integerObjective", q).stat("bandPlans", b.plans());
    }

    /** max(0, (B − slack)/scale), 0 for a non-finite B: a proven lower bound from an integer bound B. */
    public static double lower(double integerBound, IntegerScaling scaling, long slack) {
        return Double.isFinite(integerBound) ? Math.max(0, (integerBound - slack) / scaling.scale()) : 0;
    }

    /** A canonical key of a plan (exit ids, then the placement as 0/1), for deterministic tie-breaks. */
    public static String key(ExitPlan plan) {
        StringBuilder b = new StringBuilder(String.join(",", plan.activeExits())).append('|');
        for (int v = 0; v < plan.placement().size(); v++) {
            b.append(plan.placement().onEdge(v) ? '1' : '0');
        }
        return b.toString();
    }

    /** No-good clauses added so far. */
    public int cuts() {
        return cuts;
    }

    /**
     * INFEASIBLE answers that a solve without presolve contradicted with a plan (then used). Every
     * INFEASIBLE answer is re-solved once with {@code cp_model_presolve = false}, so that an
     * infeasibility claimed by presolve alone is never reported; when that second solve stops at
     * the time limit the first answer stands.
     */
    public int presolveDisagreements() {
        return presolveDisagreements;
    }

    /** CP-SAT solves so far. */
    public int solves() {
        return solves;
    }

    /** CP-SAT branches over all solves. */
    public long branches() {
        return branches;
    }

    /** CP-SAT conflicts over all solves. */
    public long conflicts() {
        return conflicts;
    }
}
