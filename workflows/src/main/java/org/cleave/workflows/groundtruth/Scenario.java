package org.cleave.workflows.groundtruth;

import java.util.List;
import java.util.Map;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * How the workflows vary one family's problem over a state space and encode its plans as flat
 * columns for learning. One implementation per family ({@link Scenarios}).
 */
public interface Scenario {
    /** The family. */
    Family family();

    /** The axes this family understands, with their units, e.g. {@code uplink (bit/s)}. */
    Map<String, String> axes();

    /** {@code base} with the state applied; {@code names[k]} has value {@code values[k]}. */
    Problem<?> apply(Problem<?> base, List<String> names, double[] values);

    /** Names of the plan columns, fixed for a base problem. */
    List<String> planColumns(Problem<?> base);

    /** The plan columns of {@code plan} (same order as {@link #planColumns}); values are numbers or strings. */
    List<Object> encodePlan(Problem<?> problem, Object plan);
}
