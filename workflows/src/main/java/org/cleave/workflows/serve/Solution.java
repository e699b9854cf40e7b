package org.cleave.workflows.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Status;

/**
 * One solve on a session's state, re-checked by {@link org.cleave.core.solve.Verifier}.
 *
 * @param solverId   the solver that ran
 * @param status     how the solve ended
 * @param plan       the plan (a {@code Placement}, {@code ExitPlan} or {@code MultiUserPlan}), present
 *                   exactly when the status has one
 * @param breakdown  the family evaluator's breakdown of the plan, present with the plan
 * @param objective  the evaluator's objective of the plan, NaN without one
 * @param bound      the best proven bound, NaN when none
 * @param wallTime   wall-clock time of the solve
 * @param verified   whether the verifier found no defect
 * @param defects    what the verifier found wrong, empty when {@code verified}
 * @param statistics the solver's statistics
 * @param message    the solver's remark, may be empty
 */
public record Solution(String solverId, Status status, Optional<Object> plan, Optional<Evaluation> breakdown,
                       double objective, double bound, Duration wallTime, boolean verified, List<String> defects,
                       Map<String, Number> statistics, String message) {
    public Solution {
        defects = List.copyOf(defects);
        statistics = Map.copyOf(statistics);
    }
}
