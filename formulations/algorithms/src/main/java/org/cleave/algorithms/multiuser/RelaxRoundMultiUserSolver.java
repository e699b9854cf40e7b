package org.cleave.algorithms.multiuser;

import java.util.Set;
import org.cleave.core.model.TierPrices;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.User;
import org.cleave.core.multiuser.UserCost;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Continuous relaxation with rounding for P4 (id {@code relax-round}): a heuristic plan and a proven
 * lower bound.
 *
 * <p>Each user's cost is {@code A_o + α_o/k_F + β_o/k_B} (see {@link MultiUserProblem}). Relax
 * k_F, k_B to reals in (0, ∞) with Σ k_F ≤ K_F, Σ k_B ≤ K_B, drop deadlines (keeping only options
 * that meet accuracy floor and deadline with all K_F, K_B units). For fixed options the relaxed
 * optimum is f_i = K_F·√α_i / Σ_j √α_j (likewise for bandwidth), worth
 * {@code Σ A + (Σ√α)²/K_F + (Σ√β)²/K_B}. Over options, Lagrangian duality gives for every
 * λ, μ ≥ 0 the lower bound
 * <pre>
 *   L(λ, μ) = Σ_i min_o [A_o + 2√(λ·α_o) + 2√(μ·β_o)] − λ·K_F − μ·K_B  ≤  optimum,
 * </pre>
 * (min_{f&gt;0} α/f + λf = 2√(λα)); L is concave and is maximised by alternating golden-section
 * searches over λ ∈ [0, (N·√α_max/K_F)²] and μ likewise (any λ, μ gives a valid bound, so an
 * inexact maximiser only weakens it). The bound is reported as the result's bound, reduced by
 * 1e-12 relative for floating-point safety.
 *
 * <p>Rounding: take each user's minimising option at the best (λ, μ), give it
 * max(1, ⌊K·√α_i/Σ√α⌋) units of a resource it needs (0 otherwise), take back units from the largest
 * holders if that overshoots, hand out the rest one by one to the largest decrease of α/k (or β/k),
 * then let every user re-pick its cheapest admissible option under its integer shares. If the
 * minimum of one unit per user needing a resource does not fit, users are moved, least gain
 * (√α_i + √β_i) first, to an option that needs no units, until it fits. No plan if
 * some user is then unserved. O(N·|O|·(iterations + K_F·K_B)).
 */
public final class RelaxRoundMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    private static final int ALTERNATIONS = 20;
    private static final int GOLDEN_STEPS = 60;

    public RelaxRoundMultiUserSolver() {
        super("relax-round", Family.MULTIUSER, SolverKind.HEURISTIC, MultiUserProblem.class, Set.of(),
                "Heuristic: square-root continuous relaxation (gives a lower bound) rounded to integer units.");
    }

    /** The relaxed per-option coefficients A, α, β (NaN rows for options the relaxation excludes). */
    record Coefficients(double[][] a, double[][] alpha, double[][] beta) {
        static Coefficients of(MultiUserProblem p) {
            int n = p.size();
            double[][] a = new double[n][];
            double[][] al = new double[n][];
            double[][] be = new double[n][];
            for (int i = 0; i < n; i++) {
                User u = p.user(i);
                int m = u.options().size();
                a[i] = new double[m];
                al[i] = new double[m];
                be[i] = new double[m];
                TierPrices price = TierPrices.of(p.weights(), u.device());
                for (int o = 0; o < m; o++) {
                    if (!p.admissible(i, o, p.computeUnits(), p.bandwidthUnits())) {
                        a[i][o] = Double.NaN;
                        continue;
                    }
                    UserCost one = p.userCost(i, o, 1, 1);
                    al[i][o] = price.idleSecond() * one.edgeSeconds();
                    be[i][o] = price.uploadSecond() * one.uploadSeconds();
                    a[i][o] = Math.max(0, one.objective() - al[i][o] - be[i][o]);
                }
            }
            return new Coefficients(a, al, be);
        }
    }

    /**
     * A proven lower bound on the P4 optimum ({@code +∞} when some user has no option that meets its
     * accuracy floor and deadline even with every unit), and the options minimising at the best
     * multipliers.
     */
    public static double lowerBound(MultiUserProblem problem) {
        return dual(problem, Coefficients.of(problem)).bound;
    }

    private record Dual(double bound, int[] options) {
    }

    private static Dual dual(MultiUserProblem p, Coefficients c) {
        int n = p.size();
        double alphaMax = 0;
        double betaMax = 0;
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int o = 0; o < c.a[i].length; o++) {
                if (!Double.isNaN(c.a[i][o])) {
                    any = true;
                    alphaMax = Math.max(alphaMax, c.alpha[i][o]);
                    betaMax = Math.max(betaMax, c.beta[i][o]);
                }
            }
            if (!any) {
                return new Dual(Double.POSITIVE_INFINITY, null);
            }
        }
        double lamHi = Math.pow(n * Math.sqrt(alphaMax) / p.computeUnits(), 2);
        double muHi = Math.pow(n * Math.sqrt(betaMax) / p.bandwidthUnits(), 2);
        double lam = 0;
        double mu = 0;
        for (int it = 0; it < ALTERNATIONS; it++) {
            final double fmu = mu;
            lam = golden(x -> value(p, c, x, fmu), 0, lamHi);
            final double flam = lam;
            mu = golden(y -> value(p, c, flam, y), 0, muHi);
        }
        double best = value(p, c, lam, mu);
        double zero = value(p, c, 0, 0);
        if (zero > best) {
            best = zero;
            lam = 0;
            mu = 0;
        }
        int[] options = new int[n];
        for (int i = 0; i < n; i++) {
            options[i] = argmin(c, i, lam, mu);
        }
        return new Dual(Math.max(0, best * (1 - 1e-12)), options);
    }

    private static double golden(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        if (!(hi > lo)) {
            return lo;
        }
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int k = 0; k < GOLDEN_STEPS; k++) {
            if (f1 < f2) {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = f.applyAsDouble(x2);
            } else {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = f.applyAsDouble(x1);
            }
        }
        double mid = (a + b) / 2;
        double fl = f.applyAsDouble(lo);
        return fl >= f.applyAsDouble(mid) ? lo : mid;
    }

    private static double value(MultiUserProblem p, Coefficients c, double lam, double mu) {
        double sum = -lam * p.computeUnits() - mu * p.bandwidthUnits();
        for (int i = 0; i < p.size(); i++) {
            int o = argmin(c, i, lam, mu);
            sum += term(c, i, o, lam, mu);
        }
        return sum;
    }

    private static double term(Coefficients c, int i, int o, double lam, double mu) {
        return c.a[i][o] + 2 * Math.sqrt(lam * c.alpha[i][o]) + 2 * Math.sqrt(mu * c.beta[i][o]);
    }

    private static int argmin(Coefficients c, int i, double lam, double mu) {
        int best = -1;
        double bv = Double.POSITIVE_INFINITY;
        for (int o = 0; o < c.a[i].length; o++) {
            if (!Double.isNaN(c.a[i][o])) {
                double v = term(c, i, o, lam, mu);
                if (v < bv) {
                    bv = v;
                    best = o;
                }
            }
        }
        return best;
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        Coefficients c = Coefficients.of(problem);
        Dual d = dual(problem, c);
        if (d.options == null) {
            return Outcome.<MultiUserPlan>none(Status.NO_SOLUTION_IN_LIMIT, "relax-round: some user has no option"
                    + " that meets its accuracy floor and deadline even with every unit").bound(Double.POSITIVE_INFINITY);
        }
        int n = problem.size();
        double[] alpha = new double[n];
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = c.alpha[i][d.options[i]];
            beta[i] = c.beta[i][d.options[i]];
        }
        int[] f = round(alpha, problem.computeUnits());
        int[] b = round(beta, problem.bandwidthUnits());
        // too many users need units: move those with the least to gain (smallest √α + √β) to their
        // cheapest option that needs no units, until the shares fit
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> Math.sqrt(alpha[i]) + Math.sqrt(beta[i])));
        for (int k = 0; k < n && (f == null || b == null); k++) {
            int i = order[k];
            int local = cheapestWithoutUnits(problem, c, i);
            if (local >= 0 && (alpha[i] > 0 || beta[i] > 0)) {
                alpha[i] = 0;
                beta[i] = 0;
                f = round(alpha, problem.computeUnits());
                b = round(beta, problem.bandwidthUnits());
            }
        }
        MultiUserPlan plan = f == null || b == null ? null : new BestResponse(problem).plan(f, b);
        return BestResponse.outcome(plan, "relax-round").bound(d.bound);
    }

    private static int cheapestWithoutUnits(MultiUserProblem p, Coefficients c, int i) {
        int best = -1;
        double bv = Double.POSITIVE_INFINITY;
        for (int o = 0; o < c.a[i].length; o++) {
            if (p.admissible(i, o, 0, 0) && c.a[i][o] < bv) {
                bv = c.a[i][o];
                best = o;
            }
        }
        return best;
    }

    /** Integer shares ∝ √coef with at least one unit where coef &gt; 0; null if they cannot fit. */
    static int[] round(double[] coef, int units) {
        int n = coef.length;
        double total = 0;
        for (double x : coef) {
            total += Math.sqrt(x);
        }
        int[] k = new int[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (coef[i] > 0) {
                k[i] = Math.max(1, (int) Math.floor(units * Math.sqrt(coef[i]) / total));
                used += k[i];
            }
        }
        while (used > units) {
            int largest = -1;
            for (int i = 0; i < n; i++) {
                if (k[i] > 1 && (largest < 0 || k[i] > k[largest])) {
                    largest = i;
                }
            }
            if (largest < 0) {
                return null;
            }
            k[largest]--;
            used--;
        }
        while (used < units) {
            int best = -1;
            double gain = 0;
            for (int i = 0; i < n; i++) {
                if (k[i] > 0) {
                    double g = coef[i] / k[i] - coef[i] / (k[i] + 1);
                    if (g > gain) {
                        gain = g;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            k[best]++;
            used++;
        }
        return k;
    }
}
