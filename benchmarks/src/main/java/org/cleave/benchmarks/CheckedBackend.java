package org.cleave.benchmarks;

import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;

/**
 * A solver looked up by id, checked once on the instance it will be timed on: it must answer
 * OPTIMAL with the objective of the family's reference exact solver (1e-6 relative), so that a
 * broken or non-converging backend fails the trial instead of being timed.
 */
public final class CheckedBackend {
    private CheckedBackend() {
    }

    /** {@code id} of {@code family}, after checking it against {@code referenceId} on {@code problem}. */
    public static <P extends Problem<S>, S> Solver<P, S> require(Family family, String id, String referenceId,
                                                              P problem, String instanceName) {
        Solver<P, S> backend = Solvers.require(family, id);
        Result<S> r = backend.solve(problem);
        Result<S> ref = Solvers.<P, S>require(family, referenceId).solve(problem);
        if (r.status() != Status.OPTIMAL || ref.status() != Status.OPTIMAL) {
            throw new IllegalStateException(id + " on " + instanceName + ": " + r.status() + " " + r.message()
                    + " (reference " + referenceId + ": " + ref.status() + ")");
        }
        double gap = Math.abs(r.objective() - ref.objective()) / Math.max(1e-300, Math.abs(ref.objective()));
        if (gap > 1e-6) {
            throw new IllegalStateException(id + " on " + instanceName + ": objective " + r.objective()
                    + " but " + referenceId + " proves " + ref.objective());
        }
        return backend;
    }
}
