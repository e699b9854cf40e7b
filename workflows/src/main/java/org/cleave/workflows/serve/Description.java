package org.cleave.workflows.serve;

import java.util.List;
import java.util.Map;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Sense;

/**
 * What a session holds: enough for a client to build actions.
 *
 * @param family        the family
 * @param name          the instance's name
 * @param sense         minimise or maximise
 * @param layers        P1/P2: the layers in topological order (the order of edge masks); else empty
 * @param cutVertices   P1/P2: ids of the cut vertices in topological order (index = compact
 *                      {@code cut}); else empty
 * @param exits         P2: the early exits (the final classifier included); else empty
 * @param variant       P2: {@code minCost} or {@code rightSizing}; else empty
 * @param users         P4: per user its id and plan option labels; else empty
 * @param computeUnits  P4: K_F; else 0
 * @param bandwidthUnits P4: K_B; else 0
 * @param solvers       the family's solver ids with their kind
 * @param defaultSolver the default exact solver, whose optimum {@link Session#optimum()} returns
 * @param state         the current state, as {@link Session#state()}
 */
public record Description(Family family, String name, Sense sense, List<Layer> layers, List<String> cutVertices,
                          List<Exit> exits, String variant, List<UserOptions> users, int computeUnits,
                          int bandwidthUnits, Map<String, String> solvers, String defaultSolver,
                          Map<String, Object> state) {
    /**
     * One P4 user.
     *
     * @param id      the user's id
     * @param options its plan options' labels, by option index
     */
    public record UserOptions(String id, List<String> options) {
        public UserOptions {
            options = List.copyOf(options);
        }
    }

    public Description {
        layers = List.copyOf(layers);
        cutVertices = List.copyOf(cutVertices);
        exits = List.copyOf(exits);
        users = List.copyOf(users);
    }
}
