package org.cleave.algorithms.upload;

import org.cleave.core.upload.UploadEvaluator;
import org.cleave.core.upload.UploadProblem;
import org.cleave.core.upload.UploadTimes;

/**
 * The P5 objective of a monotone placement through {@link UploadEvaluator#simulate} with the
 * problem's times computed once (no timeline recorded): the one way this package's solvers
 * evaluate plans, so their arithmetic is the evaluator's.
 */
final class UploadObjective {
    private final UploadProblem p;
    private final UploadTimes times;

    UploadObjective(UploadProblem p) {
        this.p = p;
        this.times = UploadTimes.of(p);
    }

    UploadTimes times() {
        return times;
    }

    double of(boolean[] onEdge) {
        return UploadEvaluator.simulate(p.graph(), onEdge, p.mode(), times, p.device(), p.weights(), false)
                .objective();
    }

    UploadLowerBound bound() {
        return new UploadLowerBound(p.graph(), p.mode(), times, p.device(), p.weights());
    }

    /** Whether layer {@code v} must go to the edge because one of its inputs is there. */
    static boolean forced(org.cleave.core.model.DnnGraph g, boolean[] onEdge, int v) {
        for (int k = 0; k < g.inDegree(v); k++) {
            if (onEdge[g.predecessor(v, k)]) {
                return true;
            }
        }
        return false;
    }
}
