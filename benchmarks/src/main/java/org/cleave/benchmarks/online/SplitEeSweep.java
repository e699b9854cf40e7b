package org.cleave.benchmarks.online;

import java.util.Locale;
import org.cleave.algorithms.online.BestFixedSplitSolver;
import org.cleave.algorithms.online.FixedSplitPolicy;
import org.cleave.algorithms.online.UcbSplitPolicy;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Simulation;

/**
 * SplitEE's figures on generated traces, printed as tables: for seeds 1 … S (default 20) and
 * 100,000 samples of {@link RandomOnlineInstances#DEFAULT} with α = 0.7, λ = 0.1, o = 0.5,
 * the regret of SplitEE and SplitEE-S after 1,000 and 100,000 rounds, whether SplitEE-S ended
 * with no more regret than SplitEE, and SplitEE's cost reduction and accuracy drop against
 * final-layer inference; then the same headline for other difficulty locations μ and
 * thresholds α (seed 1). Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.cleave.benchmarks.online.SplitEeSweep [seeds] [samples]}.
 */
public final class SplitEeSweep {
    private SplitEeSweep() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf("%4s %5s %10s %10s %10s %10s %8s %10s %10s%n", "seed", "best", "R1k", "R100k", "R1k-S",
                "R100k-S", "S<=plain", "costRed%", "accDrop");
        int noWorse = 0;
        int sublinear = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            OnlineProblem p = new OnlineProblem(RandomOnlineInstances.DEFAULT.generate(samples, seed),
                    RewardModel.SPLITEE_DEFAULT);
            FixedSplit best = BestFixedSplitSolver.bestSplit(p);
            PolicyRun plain = Simulation.run(p, UcbSplitPolicy.splitEe(), seed, best);
            PolicyRun side = Simulation.run(p, UcbSplitPolicy.splitEeS(), seed, best);
            boolean ok = side.finalRegret() <= plain.finalRegret();
            noWorse += ok ? 1 : 0;
            boolean sub = plain.regretPerRound(samples) < plain.regretPerRound(1000) / 10
                    && side.regretPerRound(samples) < side.regretPerRound(1000) / 10;
            sublinear += sub ? 1 : 0;
            double[] h = headline(p, plain);
            System.out.printf(Locale.ROOT, "%4d %5d %10.2f %10.2f %10.2f %10.2f %8s %10.2f %10.2f%n", seed,
                    best.exit(), plain.cumulativeRegret(1000), plain.finalRegret(), side.cumulativeRegret(1000),
                    side.finalRegret(), ok ? "yes" : "no", h[0], h[1]);
        }
        System.out.printf("SplitEE-S final regret <= SplitEE's on %d of %d seeds; both sublinear (per-round regret at"
                + " the end < 1/10 of that at 1,000) on %d of %d%n", noWorse, seeds, sublinear, seeds);
        System.out.println();
        System.out.printf("%6s %6s %5s %10s %10s %10s %10s%n", "mu", "alpha", "best", "costRed%", "accDrop",
                "accSplitEE", "accFinal");
        for (double mu : new double[] {-2, -1, 0}) {
            for (double alpha : new double[] {0.7, 0.8, 0.9}) {
                OnlineProblem p = new OnlineProblem(RandomOnlineInstances.DEFAULT.withDifficultyLocation(mu)
                        .generate(samples, 1), new RewardModel(alpha, 0.1, 0.5));
                FixedSplit best = BestFixedSplitSolver.bestSplit(p);
                PolicyRun run = Simulation.run(p, UcbSplitPolicy.splitEe(), 1, best);
                double[] h = headline(p, run);
                System.out.printf(Locale.ROOT, "%6.1f %6.2f %5d %10.2f %10.2f %10.2f %10.2f%n", mu, alpha, best.exit(),
                        h[0], h[1], 100 * run.evaluation().accuracy().orElseThrow(), 100 * h[2]);
            }
        }
    }

    /** Cost reduction (%), accuracy drop (points) and final-layer accuracy of {@code run}. */
    private static double[] headline(OnlineProblem p, PolicyRun run) {
        OnlineEvaluation fin = Simulation.run(p, FixedSplitPolicy.finalOnly(), 0, run.comparator()).evaluation();
        double reduction = 100 * (1 - run.evaluation().meanCost() / fin.meanCost());
        double drop = 100 * (fin.accuracy().orElseThrow() - run.evaluation().accuracy().orElseThrow());
        return new double[] {reduction, drop, fin.accuracy().orElseThrow()};
    }
}
