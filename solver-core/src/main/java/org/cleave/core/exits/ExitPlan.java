package org.cleave.core.exits;

import java.util.List;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Placement;

/**
 * A plan of the early-exit families P2 ({@link ExitsProblem}) and P3
 * ({@link org.cleave.core.throughput.ThroughputProblem}): which early exits are active and where
 * every layer runs.
 *
 * <p>The final classifier (the output layer) is always active and is not listed. An exit branch
 * runs on the tier of the layer it hangs from. Layers that no sample reaches (after an exit of
 * rate 1, or after the chosen exit of a right-sized model) cost nothing wherever they are placed,
 * but the placement must still be monotone over the whole graph.
 *
 * @param activeExits ids of the active early exits, in any order, without repetition
 * @param placement   a monotone placement of the whole graph
 */
public record ExitPlan(List<String> activeExits, Placement placement) {
    public ExitPlan {
        activeExits = List.copyOf(Checks.present("activeExits", activeExits));
        Checks.present("placement", placement);
    }

    /** A plan without early exits. */
    public static ExitPlan withoutExits(Placement placement) {
        return new ExitPlan(List.of(), placement);
    }
}
