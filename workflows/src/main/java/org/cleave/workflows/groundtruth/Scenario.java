package org.cleave.workflows.groundtruth;

import java.util.List;
import java.util.Map;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * How the workflows vary one family's problem over a state space and encode its plans as typed
 * columns for learning. One implementation per family ({@link Scenarios}).
 */
public interface Scenario {
    /** The family. */
    Family family();

    /** The axes this family understands, with their units, e.g. {@code uplink (bit/s)}. */
    Map<String, String> axes();

    /**
     * The type of axis {@code name}'s state column: {@link ColumnType#INT} for counts (whose values
     * {@link #apply} rounds), else {@link ColumnType#DOUBLE}.
     */
    default ColumnType axisType(String name) {
        return ColumnType.DOUBLE;
    }

    /** {@code base} with the state applied; {@code names[k]} has value {@code values[k]}. */
    Problem<?> apply(Problem<?> base, List<String> names, double[] values);

    /** Number of users of {@code problem}; 0 for the single-user families. */
    default int userCount(Problem<?> problem) {
        return 0;
    }

    /**
     * {@code problem} with each user's {@code quantity} ({@code uplink}, {@code downlink} in bit/s,
     * {@code load} ρ) set to {@code values[user]}; only for families with users.
     */
    default Problem<?> applyPerUser(Problem<?> problem, String quantity, double[] values) {
        throw new IllegalArgumentException("per-user: family " + family().key() + " has no users");
    }

    /**
     * The plan columns ({@code plan_*}) then the cost columns ({@code cost_*}), fixed for a base
     * problem.
     */
    List<Column> planColumns(Problem<?> base);

    /**
     * Appends the values of {@link #planColumns} (same order and types) for {@code plan} to
     * {@code out}; {@code evaluation} is {@code problem.evaluate(plan)}.
     */
    void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out);

    /**
     * Appends only the cost columns ({@code cost_*}, the tail of {@link #planColumns}) of {@link #encodePlan}
     * to {@code out}: for a row whose {@code plan_*} values are already known (an equal plan's).
     * Implementations should override this when the plan columns are costly to build.
     */
    default void encodeCosts(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        List<Object> all = new java.util.ArrayList<>();
        encodePlan(problem, plan, evaluation, all);
        int costs = (int) planColumns(problem).stream().filter(c -> !c.name().startsWith("plan_")).count();
        out.addAll(all.subList(all.size() - costs, all.size()));
    }
}
