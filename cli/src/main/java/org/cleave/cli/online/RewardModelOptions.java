package org.cleave.cli.online;

import org.cleave.core.model.InvalidModelException;
import org.cleave.core.online.RewardModel;
import org.cleave.workflows.options.OptionErrors;
import picocli.CommandLine.Option;

/**
 * The P7 reward model on the command line, shared by {@code cleave online} and
 * {@code cleave evaluate --online}: {@code --alpha}, {@code --lambda}, {@code --offload} and
 * {@code --cost-convention}, with SplitEE's defaults (α = 0.7, λ = 0.1, o = 0.5, cost convention
 * {@code reward}). A picocli mixin.
 */
public final class RewardModelOptions {
    /** The option names, for commands that accept them only in one mode. */
    public static final java.util.List<String> NAMES = java.util.List.of("--alpha", "--lambda", "--offload",
            "--cost-convention");

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.7",
            description = "Confidence threshold alpha in [0, 1] (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.1",
            description = "Cost of one layer on the device, >= 0 (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--offload", paramLabel = "O", defaultValue = "0.5",
            description = "Cost of offloading one sample, >= 0 (default: ${DEFAULT-VALUE}).")
    double offload;

    @Option(names = "--cost-convention", paramLabel = "C", defaultValue = "reward",
            description = "Reported cost: reward (lambda*(i+1), the reward's charge) or splitee-code"
                    + " (lambda*(1 + 0.8*i), what the authors' splitee.py reports) (default: ${DEFAULT-VALUE}).")
    String costConvention;

    /** The reward model of the options. */
    public RewardModel rewardModel() {
        return rewardModel(alpha, offload);
    }

    /**
     * The options' λ and cost convention with threshold {@code a} and offload cost {@code o}.
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    public RewardModel rewardModel(double a, double o) {
        RewardModel.CostConvention convention = OptionErrors.under(
                java.util.Map.of("costConvention", "--cost-convention"),
                () -> RewardModel.CostConvention.fromKey(costConvention));
        try {
            return new RewardModel(a, lambda, o, convention);
        } catch (InvalidModelException e) {
            String option = switch (e.field()) {
                case "alpha" -> "--alpha";
                case "lambda" -> "--lambda";
                default -> "--offload";
            };
            throw new IllegalArgumentException(option + ": " + e.detail());
        }
    }
}
