package org.cleave.ortools.throughput;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.SimplePlans;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.ortools.exits.CpSatExitSearch;
import org.cleave.ortools.exits.CpSatRow;
import org.cleave.ortools.exits.CpSatStopChain;
import org.cleave.ortools.CpSatSupport;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.UnitTimes;

/**
 * Exact P3 ({@link ThroughputProblem}) with OR-Tools CP-SAT, id {@code ortools-cpsat}. Exit choice
 * z_k, placement x_v and sent tensors σ_u are Booleans; the reach-weighted stage loads are exact
 * sums of Boolean products over the stop chain ({@link CpSatStopChain}: L_{s,i} = "the last
 * active stop before segment s is i", reach = 1 − R_i), and the period is an epigraph integer P:
 * <pre>
 *   min  P
 *   s.t. D' = Σ_v Σ_i ⌊S·t_d(v)·(1 − R_i)⌉·(L_{s(v),i} ∧ ¬x_v) + Σ_k Σ_i ⌊S·t_d(br_k)·(1 − R_i)⌉·(y_ik ∧ ¬x_{ℓ_k}) ≤ P
 *        U' = Σ_u Σ_i ⌊S·t_up(u)·(1 − R_i)⌉·(L_{s(u+1),i} ∧ σ_u)                                        ≤ P
 *        G' = Σ_{v&gt;0} Σ_i ⌊S·t_e(v)·(1 − R_i)⌉·(L_{s(v),i} ∧ x_v) + Σ_k Σ_i ⌊S·t_e(br_k)·(1 − R_i)⌉·(y_ik ∧ x_{ℓ_k}) ≤ P
 *        accuracy floor (rounded outwards, {@link CpSatStopChain#accuracyAtLeast})
 *        P ≤ ⌊S/Q + e + {@value CpSatRow#MARGIN_UNITS}⌋                               (frame rate Q, when given)
 * </pre>
 * Every product p ⇔ a ∧ b is defined by full equivalence, so the rows are the stage loads of the
 * plan exactly, up to rounding: with g_D, g_U, g_G the numbers of product groups per row (one per
 * layer, tensor or branch; at most one product of a group is true in a plan) and
 * e = max(g_D, g_U, g_G)/2, every plan has |P'(plan) − S·period(plan)| ≤ e integer units. The
 * scale S = 10^{@value CpSatRow#DIGITS} / T, T the largest sum of all coefficients of one row
 * ({@link CpSatRow}), keeps every row's integer sum below 2^31, where CP-SAT's presolve is sound.
 *
 * <p>Products whose single load exceeds the period of the better of device-only and edge-only
 * without exits (when it meets the accuracy floor) are forbidden ({@link CpSatRow#forbidAbove}):
 * no optimal plan has them, which shrinks the model and the row totals. That plan is also hinted
 * as CP-SAT's first solution, and returned as FEASIBLE (with CP-SAT's bound) when the time limit
 * comes before CP-SAT finds any plan and the plan sustains the frame rate.
 *
 * <p><b>Exactness in floating point.</b> (1) CP-SAT proves the integer optimum q of this model,
 * re-solved with a no-good clause whenever the evaluator rejects its plan (an exit set or
 * period within the rounding error of the floor or of 1/Q; the rounded rows keep every plan the
 * evaluator accepts, so the model stays a relaxation). (2) The optimum p* has
 * P'(p*) ≤ S·period(p*) + e ≤ S·period(p_q) + e ≤ q + 2e; so the objective is replaced by
 * P = min(q + 2e + margin, frame-rate bound), which makes P a constant and every solution a
 * distinct plan, and every plan of that band is enumerated and priced by the evaluator; the
 * cheapest (ties: a canonical key) is returned as OPTIMAL, its period as the bound (statistic
 * {@code bandPlans}). If the band holds more than {@value CpSatExitSearch#MAX_BAND_PLANS} plans or
 * the time limit cuts it, the best plan seen is FEASIBLE with the bound (q − e − margin)/S.
 * Under a time limit before q is proven, the bound is CP-SAT's best integer bound B converted
 * the same way, (B − e − margin)/S. When the frame rate cannot be sustained the model is solved
 * again without it (the same exact procedure) and the least period is the INFEASIBLE result's
 * bound and in its message. Parameters {@code scaling} and {@code roundingErrorSeconds} (= e/S)
 * record the precision of the integer model; the answer itself is the evaluator's optimum.
 *
 * <p>Size: m + |V| + (#producers) Booleans plus O(m²) chain literals and one product per
 * (layer, possible last stop): O(|V|·m + m²) Booleans. P3 is NP-hard (Hu et al., DADS, INFOCOM
 * 2019, doi:10.1109/INFOCOM.2019.8737614). CP-SAT: Perron and Didier, "CP-SAT", OR-Tools
 * (Google), 2024, https://developers.google.com/optimization/cp/cp_solver.
 */
public final class CpSatThroughputSolver extends OrToolsSolver<ThroughputProblem, ExitPlan> {
    public CpSatThroughputSolver() {
        super("ortools-cpsat", Family.THROUGHPUT, SolverKind.EXACT, ThroughputProblem.class, CpSatSupport.HONOURS,
                "CP-SAT (exit and placement Booleans on a stop chain, exact reach x placement products, epigraph"
                        + " period), integer-scaled, exact rounding-band re-check");
    }

    @Override
    protected Outcome<ExitPlan> runNative(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        StopChain chain = StopChain.of(g, problem.finalAccuracy(), StopProfile.Mode.NESTED);
        UnitTimes t = UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad());
        CpModel model = new CpModel();
        CpSatStopChain m = new CpSatStopChain(model, g, chain);
        CpSatRow device = new CpSatRow();
        CpSatRow uplink = new CpSatRow();
        CpSatRow edge = new CpSatRow();
        // a stage row per pipeline stage; loads above the period of a simple plan are forbidden below
        for (int v = 0; v < g.size(); v++) {
            if (t.device(v) > 0) {
                device.add(m.onDevice(v), t.device(v));
            }
            if (v > 0 && t.edge(v) > 0) {
                edge.add(m.onEdge(v), t.edge(v));
            }
            if (t.upload(v) > 0) {
                uplink.add(m.sent(v), t.upload(v));
            }
        }
        for (int k = 1; k <= chain.exits(); k++) {
            if (t.branchDevice(k) > 0) {
                device.add(m.branchOnDevice(k), t.branchDevice(k));
            }
            if (t.branchEdge(k) > 0) {
                edge.add(m.branchOnEdge(k), t.branchEdge(k));
            }
        }
        // the accuracy floor alone decides: a plan over the frame-rate bound still caps the optimum's period
        ExitPlan simple = SimplePlans.cheapest(g.size(), SimplePlans.withoutExits(), plan -> {
            ThroughputCost c = problem.evaluate(plan);
            return c.accuracy() >= problem.minAccuracy() ? c.periodSeconds() : Double.NaN;
        });
        if (simple != null) {
            double cap = problem.evaluate(simple).periodSeconds();
            device = device.forbidAbove(model, cap);
            uplink = uplink.forbidAbove(model, cap);
            edge = edge.forbidAbove(model, cap);
            m.hint(simple);
        }
        IntegerScaling scaling = CpSatRow.scaling(CpSatRow.DIGITS, device, uplink, edge);
        double errorUnits = Math.max(device.errorUnits(), Math.max(uplink.errorUnits(), edge.errorUnits()));
        long slack = (long) Math.ceil(errorUnits) + CpSatRow.MARGIN_UNITS;
        long top = Math.max(device.maxUnits(scaling), Math.max(uplink.maxUnits(scaling), edge.maxUnits(scaling)));
        long periodCap = problem.frameRatePerSecond().isEmpty() ? top : Math.min(top, (long) Math.floor(
                scaling.scale() * problem.maxPeriodSeconds() + errorUnits + CpSatRow.MARGIN_UNITS));
        IntVar period = model.newIntVar(0, Math.max(0, periodCap), "period");
        for (CpSatRow row : new CpSatRow[] {device, uplink, edge}) {
            model.addLessOrEqual(row.expr(scaling), period);
        }
        IntegerScaling accuracyScaling = m.accuracyAtLeast(problem.minAccuracy());
        model.minimize(period);
        Map<String, Object> applied = new LinkedHashMap<>();
        CpSatExitSearch search = new CpSatExitSearch(model, m, limits, deadline, applied);
        CpSatExitSearch.Found found = search.solve(plan -> {
            ThroughputCost c = problem.evaluate(plan);
            return c.feasible() ? CpSatExitSearch.Verdict.ACCEPT : c.accuracy() < problem.minAccuracy()
                    ? CpSatExitSearch.Verdict.CUT_EXIT_SET : CpSatExitSearch.Verdict.CUT_PLAN;
        });
        ExitPlan fallback = simple != null && problem.evaluate(simple).feasible() ? simple : null;
        Outcome<ExitPlan> outcome = search.minimised(found, new CpSatExitSearch.Minimisation(scaling, slack, plan -> {
            ThroughputCost c = problem.evaluate(plan);
            return c.feasible() ? c.periodSeconds() : Double.NaN;
        }, limit -> {
            model.clearObjective();
            model.addEquality(period, Math.min(periodCap, limit));
        }), fallback, f -> none(problem, limits, deadline, f));
        applied.forEach(outcome::param);
        return outcome.param("scaling", scaling.describe()).param("accuracyScaling", accuracyScaling.describe())
                .param("roundingErrorSeconds", scaling.toCost((long) Math.ceil(errorUnits)))
                .stat("cuts", search.cuts())
                .stat("presolveDisagreements", search.presolveDisagreements()).stat("solves", search.solves())
                .stat("branches", search.branches()).stat("conflicts", search.conflicts());
    }

    private Outcome<ExitPlan> none(ThroughputProblem problem, SolveLimits limits, Deadline deadline,
                                   CpSatExitSearch.Found found) {
        if (found.status() != Status.INFEASIBLE) {
            return Outcome.none(found.status(), "CP-SAT returned " + found.raw()
                    + (found.status() == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
        }
        String accuracy = "no exit set reaches minAccuracy " + problem.minAccuracy();
        if (problem.frameRatePerSecond().isEmpty()) {
            return Outcome.none(Status.INFEASIBLE, accuracy);
        }
        Outcome<ExitPlan> free = run(problem.withFrameRate(OptionalDouble.empty()), limits, deadline);
        if (free.status() == Status.INFEASIBLE) {
            return Outcome.none(Status.INFEASIBLE, accuracy);
        }
        double q = problem.frameRatePerSecond().getAsDouble();
        if (free.status() != Status.OPTIMAL) {
            return Outcome.none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g frames/s cannot be"
                    + " sustained (CP-SAT proved it; the least period is unknown: %s)", q, free.message()));
        }
        double least = problem.evaluate(free.plan().orElseThrow()).periodSeconds();
        return Outcome.<ExitPlan>none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g frames/s cannot"
                + " be sustained: the least period is %.6g s (at most %.6g frames/s)", q, least, 1 / least))
                .bound(least);
    }
}
