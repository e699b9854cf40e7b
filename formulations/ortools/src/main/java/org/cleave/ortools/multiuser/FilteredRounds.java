package org.cleave.ortools.multiuser;

import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.UnitPriceFilter;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * The exact loop both P4 formulations run: solve the model over the {@link AllocationTable}
 * entries whose reduced cost ({@link UnitPriceFilter}) is at most Δ, and widen Δ until the answer
 * is provably optimal over all entries.
 *
 * <p>Round with filter Δ: a restricted optimum V with V ≤ L + Δ − tol is optimal (a plan using a
 * dropped entry costs more than L + Δ); otherwise the next round takes Δ = V − L + 2·tol, which
 * keeps every entry of every plan costing at most V and so is the last round (classic reduced-cost
 * fixing with the first round's plan as the incumbent). A restricted model without a plan widens
 * Δ sixteen-fold (after {@value #MAX_WIDENINGS} widenings, all entries). tol = 10⁻⁹·max(1, |V|)
 * absorbs the rounding of the sums. The first Δ is {@value #FIRST_DELTA}·max(|L|, 10⁻¹²). On zoo
 * users a few hundred of tens of thousands of entries survive, so the backend sees a small model.
 *
 * <p>Stopped by the time limit, the answer is the best plan found (FEASIBLE) or none
 * (NO_SOLUTION_IN_LIMIT), with the bound max(L, min(B, L + Δ)), B the restricted model's own
 * bound (NaN: none): any plan either uses only kept entries (cost ≥ B) or a dropped one
 * (cost &gt; L + Δ).
 */
final class FilteredRounds {
    /** The first filter relative to |L|. */
    static final double FIRST_DELTA = 1e-3;
    /** Restricted models without a plan before every entry is kept. */
    static final int MAX_WIDENINGS = 3;

    /** How one restricted solve ended. */
    enum Kind { OPTIMAL, FEASIBLE, INFEASIBLE, NO_SOLUTION, INVALID }

    /**
     * One restricted solve: its kind, the entry per user (OPTIMAL/FEASIBLE), the model's proven
     * lower bound on the restricted optimum (NaN if none) and a message.
     */
    record Round(Kind kind, int[] entry, double bound, String message) {
    }

    /** Builds and solves the model over the entries with {@code keep[i][e]}. */
    @FunctionalInterface
    interface Restricted {
        Round solve(boolean[][] keep, int kept);
    }

    private FilteredRounds() {
    }

    static Outcome<MultiUserPlan> run(AllocationTable table, double relaxed, Deadline deadline, String backend,
                                      Restricted model) {
        UnitPriceFilter prices = UnitPriceFilter.of(table);
        double lower = Math.max(relaxed, prices.bound());
        double delta = FIRST_DELTA * Math.max(Math.abs(lower), 1e-12);
        int[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int rounds = 0;
        int widenings = 0;
        int lastKept = 0;
        while (true) {
            if (deadline.expired()) {
                return stopped(table, best, bestValue, lower, rounds, lastKept, prices, "time limit reached");
            }
            boolean all = delta >= prices.maxReducedCost();
            boolean[][] keep = new boolean[table.users()][];
            int kept = 0;
            for (int i = 0; i < table.users(); i++) {
                keep[i] = new boolean[table.entries(i)];
                for (int e = 0; e < table.entries(i); e++) {
                    keep[i][e] = all || prices.reducedCost(i, e) <= delta;
                    kept += keep[i][e] ? 1 : 0;
                }
            }
            lastKept = kept;
            Round r = model.solve(keep, kept);
            rounds++;
            switch (r.kind()) {
                case INVALID:
                    return Outcome.none(Status.INVALID_INPUT, r.message());
                case INFEASIBLE:
                    if (all) {
                        return stats(Outcome.none(Status.INFEASIBLE, backend
                                + " proved that no allocation serves every user"), rounds, kept, prices);
                    }
                    delta = ++widenings > MAX_WIDENINGS ? prices.maxReducedCost() : 16 * delta;
                    break;
                case OPTIMAL: {
                    double value = MultiUserBounds.cost(table, r.entry());
                    if (value < bestValue) {
                        bestValue = value;
                        best = r.entry();
                    }
                    double tol = 1e-9 * Math.max(1, Math.abs(bestValue));
                    if (all || bestValue <= lower + delta - tol) {
                        Outcome<MultiUserPlan> out = Outcome.optimal(table.plan(best));
                        if (!Double.isNaN(r.bound())) { // e.g. CP-SAT's scaled bound less its rounding error
                            out.bound(Math.min(bestValue, Math.max(lower, all ? r.bound()
                                    : Math.min(r.bound(), lower + delta))));
                        }
                        return stats(out, rounds, kept, prices);
                    }
                    delta = Math.min(Math.max(bestValue - lower + 2 * tol, delta), prices.maxReducedCost());
                    break;
                }
                case FEASIBLE:
                case NO_SOLUTION: {
                    if (r.entry() != null) {
                        double value = MultiUserBounds.cost(table, r.entry());
                        if (value < bestValue) {
                            bestValue = value;
                            best = r.entry();
                        }
                    }
                    double restricted = Double.isNaN(r.bound()) ? lower : r.bound();
                    double bound = all ? Math.max(lower, restricted)
                            : Math.max(lower, Math.min(restricted, lower + delta));
                    return stopped(table, best, bestValue, bound, rounds, kept, prices, r.message());
                }
                default:
                    throw new IllegalStateException(r.kind().name());
            }
        }
    }

    private static Outcome<MultiUserPlan> stopped(AllocationTable table, int[] best, double bestValue, double bound,
                                                  int rounds, int kept, UnitPriceFilter prices, String message) {
        if (best == null) {
            return stats(Outcome.<MultiUserPlan>none(Status.NO_SOLUTION_IN_LIMIT, message + "; bound " + bound)
                    .bound(bound), rounds, kept, prices);
        }
        return stats(Outcome.feasible(table.plan(best)).bound(Math.min(bound, bestValue)).message(message), rounds,
                kept, prices);
    }

    private static Outcome<MultiUserPlan> stats(Outcome<MultiUserPlan> out, int rounds, int kept,
                                                UnitPriceFilter prices) {
        return out.stat("rounds", rounds).stat("keptEntries", kept).stat("lagrangianBound", prices.bound());
    }
}
