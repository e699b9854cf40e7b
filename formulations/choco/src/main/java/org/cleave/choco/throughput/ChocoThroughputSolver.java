package org.cleave.choco.throughput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.choco.ChainSearch;
import org.cleave.choco.ChocoStopChain;
import org.cleave.choco.ChocoStopChainModel;
import org.cleave.choco.ChocoSupport;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.SimplePlans;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.exits.UnitTimes;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputProblem;

/**
 * Exact P3 ({@link ThroughputProblem}) as a Choco constraint model, id {@code choco}. The stop
 * chain of {@link ChocoStopChain} (Boolean exits z_k, previous-active-stop variables π_s, placement
 * x_v with x_input = 0 and x_u ≤ x_v on every arc, sent tensors σ_u) gives the three stage totals
 * as sums of exactly tabulated reach-weighted terms (one global constraint per stage; layer v: reach(v)·t_d(v) on the device or reach(v)·t_e(v) on the
 * edge, by (π_{s(v)}, x_v); tensor u: continueAfter(u)·t_up(u) by (π_{s(u+1)}, σ_u); exit branch k:
 * branchReach_k·t(branch) on the tier of ℓ_k, by (π_k, z_k, x_{ℓ_k})). The period is an epigraph
 * variable:
 * <pre>
 *   min P   s.t.   P = max(D, U, G)      (Choco's max constraint: P ≥ each stage, and equal to one)
 *                  P ≤ ⌊scale/Q + k/2⌋    (frame rate, when given; relaxed by the rounding error)
 *                  acc(z) ≥ minAccuracy   (checker on z: the evaluator's StopProfile accuracy)
 *                  evaluator feasible     (checker on every complete plan, with a floor or a frame rate)
 * </pre>
 * so feasibility is exactly the evaluator's, and the scaled bounds only prune.
 *
 * <p><b>Scaling and exactness.</b> The three stages share one {@link IntegerScaling},
 * {@code scale = 10^d / U} with U an upper bound on the least period (the least feasible period of
 * device-only and edge-only with no exit and with every exit, 1/Q, else the largest stage any plan
 * can have), d ≤ 7 digits so that totals stay within Choco's domain bound. A stage of k_s rounded terms
 * is within k_s/2 units of scale × its value, so P within e = max_s k_s / 2: once the integer
 * optimum q is proven, every least-period plan has P ≤ q + 2e, and the plans with P ≤ q + 2e + 1
 * are enumerated and re-priced by the evaluator (statistic {@code bandPlans}); the one of least
 * period is returned, optimal in floating point. A band of more than
 * {@value ChainSearch#MAX_BAND_PLANS} plans, or one cut by the time limit, gives FEASIBLE with the
 * bound (q − e)/scale; a search stopped before q is proven gives Choco's objective bound converted
 * the same way, or half the compute floor Σ_v min(t_d, t_e)·(least reach) if higher (max(D, G) ≥
 * (D + G)/2). If the search found no plan in time, the best of device-only and edge-only (no exit
 * or every exit) is returned as FEASIBLE when it is feasible, else NO_SOLUTION_IN_LIMIT.
 *
 * <p><b>Frame rate.</b> When no plan sustains Q, the result is INFEASIBLE, and the model is solved
 * again without Q: the least period is reported as the bound and in the message, as
 * {@code ortools-milp} does.
 *
 * <p><b>Limits.</b> Time limit: what is left of the solve's deadline, in every search. Seed: the
 * dom/wdeg tie-breaking (exits first, then placement). Threads: Choco searches one model on one
 * thread; threads &gt; 1 run that many differently seeded copies in Choco's
 * {@link org.chocosolver.solver.ParallelPortfolio} (the band enumeration stays on one thread).
 * Worst-case time is exponential: P3 is NP-hard (Hu et al., DADS, INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614).
 */
public final class ChocoThroughputSolver extends AbstractSolver<ThroughputProblem, ExitPlan> {
    private static final double[] DEVICE = {1, 0, 0, 0, 0};
    private static final double[] UPLINK = {0, 0, 1, 0, 0};
    private static final double[] EDGE = {0, 1, 0, 0, 0};

    public ChocoThroughputSolver() {
        super("choco", Family.THROUGHPUT, SolverKind.EXACT, ThroughputProblem.class, ChocoSupport.HONOURS,
                "Choco CP (exit Booleans on a stop chain, exact reach tables, epigraph period = max of the"
                        + " stages, evaluator feasibility checks), integer-scaled, exact band re-check");
    }

    @Override
    protected Outcome<ExitPlan> run(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        ChocoStopChain chain = ChocoStopChain.of(g, StopChain.of(g, problem.finalAccuracy(), StopProfile.Mode.NESTED),
                UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad()));
        Outcome<ExitPlan> out = solve(problem, chain, limits, deadline);
        if (out.status() != Status.INFEASIBLE || problem.frameRatePerSecond().isEmpty()) {
            return out;
        }
        double q = problem.frameRatePerSecond().getAsDouble();
        Outcome<ExitPlan> free = solve(problem.withFrameRate(OptionalDouble.empty()), chain, limits, deadline);
        Outcome<ExitPlan> infeasible;
        if (free.status() == Status.INFEASIBLE) {
            infeasible = Outcome.none(Status.INFEASIBLE, free.message());
        } else if (free.status() == Status.OPTIMAL) {
            double least = problem.evaluate(free.plan().orElseThrow()).periodSeconds();
            infeasible = Outcome.<ExitPlan>none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g"
                    + " frames/s cannot be sustained: the least period is %.6g s (at most %.6g frames/s)", q, least,
                    1 / least)).bound(least);
        } else {
            infeasible = Outcome.none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g frames/s cannot"
                    + " be sustained (Choco proved it; the time limit cut the search for the least period)", q));
        }
        out.parameters().forEach(infeasible::param);
        out.statistics().forEach(infeasible::stat);
        return infeasible;
    }

    private static Outcome<ExitPlan> solve(ThroughputProblem problem, ChocoStopChain chain, SolveLimits limits,
                                           Deadline deadline) {
        ExitPlan simple = SimplePlans.cheapestFeasible(problem.graph(), problem,
                SimplePlans.withoutAndWithEveryExit(problem.graph()));
        double upper = simple != null ? problem.evaluate(simple).periodSeconds() : Math.min(problem.maxPeriodSeconds(),
                Math.max(chain.worstCase(DEVICE), Math.max(chain.worstCase(UPLINK), chain.worstCase(EDGE))));
        int terms = Math.max(chain.terms(DEVICE), Math.max(chain.terms(UPLINK), chain.terms(EDGE)));
        IntegerScaling scaling = IntegerScaling.forMaximum(upper, chain.digits(terms));
        List<ChocoStopChain.Measure> stages = List.of(chain.measure("device", DEVICE, scaling, upper),
                chain.measure("uplink", UPLINK, scaling, upper), chain.measure("edge", EDGE, scaling, upper));
        double errorUnits = terms * 0.5;
        long periodUpper = (long) Math.floor(Math.max(0, upper * scaling.scale()) + errorUnits);
        boolean checked = problem.minAccuracy() > 0 || problem.frameRatePerSecond().isPresent();
        IntFunction<ChainSearch.Copy> copies = w -> {
            ChocoStopChainModel b = chain.build("cleave-p3", stages);
            IntVar p = b.model().intVar("period", 0, (int) periodUpper, true);
            b.model().max(p, new IntVar[] {b.total(0), b.total(1), b.total(2)}).post();
            if (problem.minAccuracy() > 0) {
                b.requireExitSet(ids -> problem.profile(ids).expectedAccuracy() >= problem.minAccuracy());
            }
            if (checked) {
                b.requirePlan(plan -> problem.evaluate(plan).feasible());
            }
            return new ChainSearch.Copy(b, p);
        };
        Map<String, Object> applied = new LinkedHashMap<>();
        ChainSearch.Optimum o = ChainSearch.optimise(copies, false, limits, deadline, applied);
        Outcome<ExitPlan> out;
        // Choco's bound, or max(D, G) ≥ (D + G)/2 ≥ half the compute floor if that is higher
        double bound = Math.max(Math.max(0, scaling.toCost(o.bound()) - scaling.absoluteError(terms)),
                chain.computeFloorSeconds() / 2 * (1 - 1e-12));
        if (!o.found() && !o.proven() && simple != null) {
            out = Outcome.feasible(simple).bound(bound).message("time limit reached before Choco found a plan; the"
                    + " best of device-only and edge-only (no exit or every exit) is returned");
        } else if (!o.found()) {
            out = o.proven() ? Outcome.none(Status.INFEASIBLE, "no exit set reaches minAccuracy "
                    + problem.minAccuracy() + " (Choco proved it)")
                    : Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before Choco found a plan")
                            .bound(bound);
        } else if (!o.proven()) {
            out = Outcome.feasible(o.plan()).bound(Math.min(bound, problem.evaluate(o.plan()).periodSeconds()))
                    .message("time limit reached before Choco proved optimality");
        } else {
            ChainSearch.Band band = ChainSearch.band(copies, o.value() + terms + 1, o.plan(),
                    plan -> problem.evaluate(plan).periodSeconds(), limits, deadline);
            out = band.complete() ? Outcome.optimal(band.plan())
                    : Outcome.<ExitPlan>feasible(band.plan()).bound(Math.max(0, scaling.toCost(o.value())
                            - scaling.absoluteError(terms))).message("the rounding band re-check stopped after "
                            + band.plans() + " plans; the plan is within optimalityError of the optimum");
            out.stat("bandPlans", band.plans());
        }
        applied.forEach(out::param);
        return out.param("scaling", scaling.describe()).param("terms", terms)
                .param("optimalityError", 2 * scaling.absoluteError(terms))
                .stat("nodes", o.nodes()).stat("integerPeriod", o.found() ? o.value() : Double.NaN);
    }
}
