package org.cleave.algorithms.tiers.exits;

import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.TiersExitsProblem;

/** Helpers shared by the P2-3T solvers. */
final class TiersExitSets {
    private TiersExitSets() {
    }

    /**
     * The placement with every layer that no sample reaches (after an exit whose rate is 1) on the
     * tier of that exit's layer, as P2's {@link org.cleave.algorithms.exits.ExitSets#tidy}: those
     * layers cost nothing, so the cost is unchanged, and the result stays monotone (every input of
     * an unreached layer is the exit's layer or unreached itself; the exit hangs after a cut vertex).
     */
    static TierPlacement tidy(DnnGraph graph, StopProfile profile, TierPlacement x) {
        int n = graph.size();
        for (int v = 0; v < n - 1; v++) {
            if (profile.continueAfter(v) == 0) {
                int[] t = x.tiers();
                for (int u = v + 1; u < n; u++) {
                    t[u] = t[v];
                }
                return new TierPlacement(t);
            }
        }
        return x;
    }

    /** Whether some exit set of {@code sets} reaches the accuracy floor. */
    static boolean accuracyReachable(TiersExitsProblem p, List<List<String>> sets) {
        for (List<String> set : sets) {
            if (p.profile(set).expectedAccuracy() >= p.variant().minAccuracy()) {
                return true;
            }
        }
        return false;
    }
}
