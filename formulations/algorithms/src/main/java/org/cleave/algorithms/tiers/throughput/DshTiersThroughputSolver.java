package org.cleave.algorithms.tiers.throughput;

import java.util.Set;
import org.cleave.algorithms.tiers.TiersCutNetwork;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.throughput.TiersStageTimes;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;

/**
 * Heuristic for P3-3T in the manner of DADS' heavy-load DSH (Hu et al., INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614; P3's {@code dsh}): the min–max period is replaced by the scaled
 * sum {@code D + α₁·U₁ + α_e·G + α₂·U₂ + α_c·C}, which has exactly P1-3T's form (per-layer tier costs
 * t_d, α_e·t_e, α_c·t_c and send-once costs α₁·u¹, α₂·u²), so each scale vector is one exact minimum
 * cut on P1-3T's doubled network ({@link TiersCutNetwork}, compiled once, costs reset per cut). The
 * four scales are grid-searched over 10^[−2, 2] in decade steps (5⁴ = 625 cuts), then twice refined
 * on a 3⁴ grid around the best with the step halved (162 cuts); the cut of least true period (by
 * {@link TiersStageTimes}) wins. 787 cuts of O(Dinic) each, independent of the number of plans, so it
 * serves models too large to enumerate. Never below the optimum (a heuristic); when its best period
 * misses the frame rate it returns NO_SOLUTION_IN_LIMIT with the period in the message (not a proof).
 * Stops at the time limit with the best plan so far.
 */
public final class DshTiersThroughputSolver extends AbstractSolver<TiersThroughputProblem, TierPlacement> {
    private static final double LOW_DECADE = -2;
    private static final double HIGH_DECADE = 2;
    private static final int REFINEMENTS = 2;

    public DshTiersThroughputSolver() {
        super("dsh", Family.THROUGHPUT_TIERS, SolverKind.HEURISTIC, TiersThroughputProblem.class,
                Set.of(Capability.TIME_LIMIT), "DSH-style search: scaled three-tier min cuts over a coarse-to-fine"
                        + " grid of four stage scales");
    }

    /** The search state. */
    private static final class Search {
        final DnnGraph g;
        final TiersStageTimes t;
        final TiersCutNetwork net;
        final int n;
        final double[] d;
        final double[] e;
        final double[] c;
        final double[] s1;
        final double[] s2;
        final int[] tiers;
        final double[] stages = new double[5];
        int[] best;
        double bestPeriod = Double.POSITIVE_INFINITY;
        double[] bestLog = new double[4];
        int cuts;

        Search(TiersThroughputProblem p) {
            g = p.graph();
            t = TiersStageTimes.of(p);
            net = TiersCutNetwork.compile(g);
            n = g.size();
            d = new double[n];
            e = new double[n];
            c = new double[n];
            s1 = new double[n];
            s2 = new double[n];
            tiers = new int[n];
            for (int v = 0; v < n; v++) {
                d[v] = t.device(v);
            }
        }

        /** One cut with scales 10^log[0..3] (link 1, edge, link 2, cloud). */
        void cut(double[] log) {
            double a1 = Math.pow(10, log[0]);
            double ae = Math.pow(10, log[1]);
            double a2 = Math.pow(10, log[2]);
            double ac = Math.pow(10, log[3]);
            for (int v = 0; v < n; v++) {
                e[v] = ae * t.edge(v);
                c[v] = ac * t.cloud(v);
                s1[v] = a1 * t.upload1(v);
                s2[v] = a2 * t.upload2(v);
            }
            net.setCosts(TiersCoefficients.of(d, e, c, s1, s2));
            net.solve();
            net.copyPlan(tiers);
            cuts++;
            double period = t.stages(g, tiers, stages);
            if (period < bestPeriod) {
                bestPeriod = period;
                best = tiers.clone();
                bestLog = log.clone();
            }
        }

        /** Every point of the 4-D grid centre ± k·step, k = 0..half (per axis), until the deadline. */
        void grid(double[] centre, double step, int half, Deadline deadline) {
            int side = 2 * half + 1;
            int points = side * side * side * side;
            double[] log = new double[4];
            for (int i = 0; i < points && !deadline.expired(); i++) {
                int r = i;
                for (int k = 0; k < 4; k++) {
                    log[k] = centre[k] + step * (r % side - half);
                    r /= side;
                }
                cut(log);
            }
        }
    }

    @Override
    protected Outcome<TierPlacement> run(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        Search s = new Search(problem);
        double mid = (LOW_DECADE + HIGH_DECADE) / 2;
        int half = (int) Math.round((HIGH_DECADE - LOW_DECADE) / 2);
        s.grid(new double[] {mid, mid, mid, mid}, 1, half, deadline);
        double step = 1;
        for (int k = 0; k < REFINEMENTS && !deadline.expired(); k++) {
            step /= 2;
            s.grid(s.bestLog.clone(), step, 1, deadline);
        }
        if (s.best == null) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before any cut");
        }
        if (s.bestPeriod > problem.maxPeriodSeconds()) {
            return Outcome.<TierPlacement>none(Status.NO_SOLUTION_IN_LIMIT, "dsh: " + Sustain.unsustainable(problem,
                    s.bestPeriod).replace("the least period", "its best period") + "; not a proof (enumerate"
                    + " decides)").stat("cuts", s.cuts);
        }
        Outcome<TierPlacement> o = Outcome.feasible(new TierPlacement(s.best));
        if (deadline.expired()) {
            o.message("time limit reached after " + s.cuts + " cuts");
        }
        return o.stat("cuts", s.cuts);
    }
}
