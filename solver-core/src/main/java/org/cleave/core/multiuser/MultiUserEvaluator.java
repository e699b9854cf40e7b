package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.InvalidModelException;

/**
 * The P4 evaluator: the single source of truth for P4's cost semantics (the formulas of
 * {@link MultiUserProblem}). Every P4 solver's result is re-evaluated here, and solvers build their
 * cost tables from {@link #userCost}, so the arithmetic is the same. O(N).
 */
public final class MultiUserEvaluator {
    private MultiUserEvaluator() {
    }

    /**
     * Evaluates {@code plan}.
     *
     * @throws InvalidModelException if the plan has the wrong number of choices or names an option
     *                               a user does not have
     */
    public static MultiUserCost evaluate(MultiUserProblem problem, MultiUserPlan plan) {
        if (plan.size() != problem.size()) {
            throw new InvalidModelException("choices", "the plan has " + plan.size() + " choices but the problem has "
                    + problem.size() + " users");
        }
        List<UserCost> costs = new ArrayList<>(plan.size());
        List<String> violations = new ArrayList<>();
        double latency = 0;
        double energy = 0;
        double objective = 0;
        for (int i = 0; i < plan.size(); i++) {
            UserChoice c = plan.choice(i);
            int options = problem.user(i).options().size();
            if (c.option() >= options) {
                throw new InvalidModelException("choices[" + i + "].option", "user \"" + problem.user(i).id()
                        + "\" has " + options + " options, got index " + c.option());
            }
            UserCost cost = userCost(problem, i, c.option(), c.computeUnits(), c.bandwidthUnits());
            costs.add(cost);
            latency += cost.latencySeconds();
            energy += cost.energyJoules();
            objective += cost.objective();
            String v = userViolation(problem, i, c.option(), c.computeUnits(), c.bandwidthUnits());
            if (v != null) {
                violations.add(v);
            }
        }
        int kF = plan.computeUnits();
        int kB = plan.bandwidthUnits();
        if (kF > problem.computeUnits()) {
            violations.add("compute units: the plan uses " + kF + " of K_F = " + problem.computeUnits());
        }
        if (kB > problem.bandwidthUnits()) {
            violations.add("bandwidth units: the plan uses " + kB + " of K_B = " + problem.bandwidthUnits());
        }
        return new MultiUserCost(costs, latency, energy, kF, kB, objective, violations);
    }

    /** User {@code i}'s breakdown with option {@code o} and {@code kF, kB} units (formulas of {@link MultiUserProblem}). */
    public static UserCost userCost(MultiUserProblem problem, int i, int o, int kF, int kB) {
        User user = problem.user(i);
        PlanOption option = user.options().get(o);
        double edge = option.edgeFlops() == 0 ? 0
                : option.edgeFlops() / (kF * problem.edge().flopsPerSecond() / problem.computeUnits());
        double up = option.uploadBits() == 0 ? 0
                : option.uploadBits() / (kB * user.link().uplinkBitsPerSecond() / problem.bandwidthUnits());
        double down = option.downloadBits() / user.link().downlinkBitsPerSecond();
        double linkLatency = option.offloadProbability() * user.link().latencySeconds();
        double t = option.deviceSeconds() + up + edge + down + linkLatency;
        double transmit = user.device().transmitWatts() * up;
        double idle = user.device().idleWatts() * (edge + down);
        double e = option.deviceJoules() + transmit + idle;
        return new UserCost(option.deviceSeconds(), up, edge, down, linkLatency, t, option.deviceJoules(), transmit,
                idle, e, option.accuracy(), Double.isInfinite(t) ? Double.POSITIVE_INFINITY // 0 · ∞ would be NaN
                        : problem.weights().combine(t, e));
    }

    /** The constraint user {@code i} breaks with this choice (capacity aside), or null. */
    static String userViolation(MultiUserProblem problem, int i, int o, int kF, int kB) {
        User user = problem.user(i);
        PlanOption option = user.options().get(o);
        String who = "user \"" + user.id() + "\" option \"" + option.label() + "\"";
        if (option.needsCompute() && kF == 0) {
            return who + " runs " + option.edgeFlops() + " FLOPs on the edge with 0 compute units";
        }
        if (option.needsBandwidth() && kB == 0) {
            return who + " sends " + option.uploadBits() + " bits with 0 bandwidth units";
        }
        if (!user.accurateEnough(o)) {
            return who + " has accuracy " + option.accuracy() + " below the floor " + user.accuracyFloor().getAsDouble();
        }
        if (user.deadlineSeconds().isPresent()) {
            double t = userCost(problem, i, o, kF, kB).latencySeconds();
            if (!(t <= user.deadlineSeconds().getAsDouble())) {
                return who + " has latency " + t + " s above the deadline " + user.deadlineSeconds().getAsDouble() + " s";
            }
        }
        return null;
    }
}
