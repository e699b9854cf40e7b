package org.cleave.instances.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * Reads and writes the family-specific part of an instance file and the plans of that family.
 * Implementations are discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.cleave.instances.io.FamilyCodec}), one per family.
 */
public interface FamilyCodec {
    /** The family handled. */
    Family family();

    /** Top-level fields this family uses besides {@code schemaVersion, family, name, description, metadata}. */
    Set<String> fields();

    /** Reads the problem from the instance's root object ({@code path} is {@code $}). */
    Problem<?> read(ObjectNode root, String path);

    /**
     * Reads the problem from an instance file in {@code directory} (empty when read from text):
     * families whose files may name other files resolve relative names against it. By default
     * {@link #read(ObjectNode, String)}.
     */
    default Problem<?> read(ObjectNode root, String path, Optional<Path> directory) {
        return read(root, path);
    }

    /** Writes the problem's fields into {@code root}. */
    void write(Problem<?> problem, ObjectNode root);

    /** A plan of this family as JSON, for result files and {@code cleave solve --json}. */
    JsonNode writePlan(Problem<?> problem, Object plan);

    /**
     * {@link #writePlan(Problem, Object)} with the plan's breakdown already computed, so that a
     * caller that has just priced the plan ({@code problem.evaluate(plan)}) does not price it
     * again. {@code evaluation} must be {@code problem}'s evaluation of {@code plan}; the codecs
     * take its figures as given. The default ignores it and re-evaluates.
     *
     * @throws IllegalArgumentException when {@code evaluation} is not of the family's cost type
     */
    default JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        return writePlan(problem, plan);
    }

    /**
     * Only the {@code cost} member of {@link #writePlan(Problem, Object, Evaluation)} (the
     * evaluator's breakdown as a plan file writes it), without the layer lists and the rest of the
     * plan; {@code null} when the family's plan JSON has no {@code cost}. The default writes the
     * whole plan and takes its {@code cost}.
     */
    default JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        return writePlan(problem, plan, evaluation).get("cost");
    }

    /**
     * The exact inverse of {@link #writePlan}: reads the decision part of a plan of {@code problem}
     * from {@code plan} (as {@code writePlan} writes it; the derived parts it also writes, such as
     * {@code cost}, {@code sentTensors} or a timeline, are accepted and ignored, and never trusted).
     * {@code readPlan(p, writePlan(p, x), path)} equals {@code x}. The plan is not evaluated: a
     * well-formed plan that breaks a structural rule of the family (a non-monotone placement, too
     * many units) is returned and left to the evaluator.
     *
     * @param path the JSON path of {@code plan} used in messages, e.g. {@code plan} or {@code $.plan}
     * @throws InvalidInstanceException naming the JSON path and the value when the plan is malformed
     *                                  or does not fit the problem (unknown layer or exit id, wrong
     *                                  number of layers or users, option out of range)
     */
    Object readPlan(Problem<?> problem, JsonNode plan, String path);
}
