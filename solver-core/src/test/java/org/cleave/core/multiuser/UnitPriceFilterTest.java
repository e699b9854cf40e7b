package org.cleave.core.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link UnitPriceFilter}: on seeded random instances small enough to enumerate every plan over
 * the {@link AllocationTable} entries (1–4 users, K ≤ 8), every plan whose units fit costs at least L(λ) + Σ_i r_{i,e_i}
 * (the property the filtered MILP and CP-SAT rounds rest on), so L(λ) is at most the optimum; reduced costs are ≥ 0 with a zero in every user; and on contended instances the prices
 * are not both zero where that raises the bound.
 */
class UnitPriceFilterTest {
    private static final int INSTANCES = 300;

    @Test
    void everyFittingPlanCostsAtLeastTheBoundPlusItsReducedCosts() {
        int priced = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            int users = 1 + (int) (seed % 4);
            int units = 2 + (int) (seed % 7);
            MultiUserProblem p = RandomMultiUserInstances.random(seed, users, units, units + (int) (seed % 3), 6,
                    RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.NONE);
            AllocationTable table = AllocationTable.build(p);
            if (table.hopeless().isPresent()) {
                continue;
            }
            UnitPriceFilter filter = UnitPriceFilter.of(table);
            String where = "seed " + seed + " (" + users + " users, K = " + units + ")";
            assertTrue(filter.computePrice() >= 0 && filter.bandwidthPrice() >= 0, where);
            if (filter.computePrice() > 0 || filter.bandwidthPrice() > 0) {
                priced++;
            }
            for (int i = 0; i < users; i++) {
                double least = Double.POSITIVE_INFINITY;
                for (int e = 0; e < table.entries(i); e++) {
                    assertTrue(filter.reducedCost(i, e) >= 0, where);
                    least = Math.min(least, filter.reducedCost(i, e));
                }
                assertEquals(0, least, 0, where + " user " + i);
            }
            assertEquals(table.totalEntries(), filter.kept(filter.maxReducedCost()), where);
            double[] best = {Double.POSITIVE_INFINITY};
            check(table, filter, p, 0, new int[users], 0, 0, best, where);
            double optimum = best[0]; // the optimum over the table's entries (the table is exact, tested elsewhere)
            assertTrue(filter.bound() <= optimum * (1 + 1e-12), where + " bound " + filter.bound() + " > " + optimum);
        }
        assertTrue(priced > INSTANCES / 10, "only " + priced + " instances had a positive price");
    }

    /** Enumerates every entry choice that fits, checking cost ≥ L + Σ r for each. */
    private static void check(AllocationTable table, UnitPriceFilter filter, MultiUserProblem p, int i, int[] entry,
                              int usedF, int usedB, double[] best, String where) {
        if (i == entry.length) {
            double cost = 0;
            double reduced = 0;
            for (int u = 0; u < entry.length; u++) {
                cost += table.cost(u, entry[u]);
                reduced += filter.reducedCost(u, entry[u]);
            }
            assertTrue(cost >= (filter.bound() + reduced) * (1 - 1e-12), where + ": plan cost " + cost + " < bound "
                    + filter.bound() + " + reduced " + reduced);
            best[0] = Math.min(best[0], cost);
            return;
        }
        for (int e = 0; e < table.entries(i); e++) {
            int f = usedF + table.computeUnits(i, e);
            int b = usedB + table.bandwidthUnits(i, e);
            if (f <= p.computeUnits() && b <= p.bandwidthUnits()) {
                entry[i] = e;
                check(table, filter, p, i + 1, entry, f, b, best, where);
            }
        }
    }
}
