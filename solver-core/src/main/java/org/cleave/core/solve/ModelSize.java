package org.cleave.core.solve;

/**
 * Size limits of the solvers that build a whole mathematical model (MILP through OR-Tools, CP-SAT,
 * Choco): one variable or more per layer and arc, built in native or Java memory before the
 * search starts, so a time limit does not bound the build. On a 5,000-layer chain
 * {@code ortools-milp:scip} takes about 9 s and {@code choco} about 32 s; on a 20,000-layer chain
 * SCIP crashed natively. Such solvers refuse larger models up front (INVALID_INPUT) rather than
 * hang or crash; the combinatorial exact solvers ({@code mincut}, {@code chain-scan},
 * {@code pbt}) take larger models.
 */
public final class ModelSize {
    /** Most layers of a model-building solver's instance: 5,000. */
    public static final int MAX_LAYERS = 5_000;

    private ModelSize() {
    }

    /**
     * Refuses a model of more than {@link #MAX_LAYERS} layers.
     *
     * @throws IllegalArgumentException naming {@code model.layers}, the count and the limit
     */
    public static void requireLayers(String solverId, int layers) {
        if (layers > MAX_LAYERS) {
            throw new IllegalArgumentException("model.layers: " + layers + " layers; " + solverId + " builds its"
                    + " whole model in memory before solving and accepts at most " + MAX_LAYERS + " layers (use an"
                    + " exact combinatorial solver such as mincut, or fewer layers)");
        }
    }
}
