package org.cleave.core.tiers.exits;

import java.util.List;
import org.cleave.core.model.Checks;
import org.cleave.core.tiers.TierPlacement;

/**
 * A P2-3T plan ({@link TiersExitsProblem}): which early exits are active, as P2's
 * {@link org.cleave.core.exits.ExitPlan} lists them, and the tier of every layer.
 *
 * <p>The final classifier (the output layer) is always active and is not listed. An exit branch
 * runs on the tier of the layer it hangs from. Layers that no sample reaches cost nothing wherever
 * they are placed, but the placement must still be monotone over the whole graph.
 *
 * @param activeExits ids of the active early exits, in any order, without repetition
 * @param placement   a monotone three-tier placement of the whole graph
 */
public record TierExitPlan(List<String> activeExits, TierPlacement placement) {
    public TierExitPlan {
        activeExits = List.copyOf(Checks.present("activeExits", activeExits));
        Checks.present("placement", placement);
    }

    /** A plan without early exits. */
    public static TierExitPlan withoutExits(TierPlacement placement) {
        return new TierExitPlan(List.of(), placement);
    }
}
