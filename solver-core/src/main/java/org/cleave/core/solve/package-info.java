/**
 * The solver SPI: {@link org.cleave.core.solve.Problem} (a family instance with its evaluator),
 * {@link org.cleave.core.solve.Solver} (stateless, discovered by {@link java.util.ServiceLoader}
 * through {@link org.cleave.core.solve.Solvers}), immutable {@link org.cleave.core.solve.Result}s
 * and the {@link org.cleave.core.solve.Verifier} that re-evaluates them.
 */
package org.cleave.core.solve;
