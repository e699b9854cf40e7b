package org.cleave.core.multiuser;

import java.util.List;
import org.cleave.core.model.Checks;

/**
 * A P4 plan: one {@link UserChoice} per user, in the order of {@link MultiUserProblem#users()}.
 *
 * @param choices the users' choices
 */
public record MultiUserPlan(List<UserChoice> choices) {
    public MultiUserPlan {
        choices = List.copyOf(Checks.present("choices", choices));
    }

    /** The choice of user {@code i}. */
    public UserChoice choice(int i) {
        return choices.get(i);
    }

    /** Number of users. */
    public int size() {
        return choices.size();
    }

    /** Σ k_F. */
    public int computeUnits() {
        return choices.stream().mapToInt(UserChoice::computeUnits).sum();
    }

    /** Σ k_B. */
    public int bandwidthUnits() {
        return choices.stream().mapToInt(UserChoice::bandwidthUnits).sum();
    }
}
