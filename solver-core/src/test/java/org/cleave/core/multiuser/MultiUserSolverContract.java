package org.cleave.core.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P4 solver meets: results pass the {@link Verifier}; an exact solver is OPTIMAL
 * and equals {@link MultiUserBruteForce} (or INFEASIBLE exactly when brute force finds nothing); a
 * heuristic or baseline is never below the optimum and reports no plan on infeasible instances;
 * a bound is never above the optimum. Instances are tiny (N ≤ 3, K ≤ 3, ≤ 3 options) so that brute
 * force is instant. Subclasses name the solver.
 */
public abstract class MultiUserSolverContract {
    /** The solver under test. */
    protected abstract Solver<MultiUserProblem, MultiUserPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(41, 80);
    }

    /** A tiny random instance for {@code seed}. */
    public static MultiUserProblem tiny(long seed) {
        int n = 1 + (int) (seed % 3);
        int kf = 1 + (int) ((seed / 3) % 3);
        int kb = 1 + (int) ((seed / 9) % 3);
        RandomMultiUserInstances.Source source = seed % 5 == 0 ? RandomMultiUserInstances.Source.CHAIN : RandomMultiUserInstances.Source.DRAWN;
        int options = source == RandomMultiUserInstances.Source.CHAIN ? 3 : 1 + (int) ((seed / 2) % 3);
        return RandomMultiUserInstances.random(seed, n, kf, kb, options, source, RandomMultiUserInstances.Constraints.SOME);
    }

    @Test
    void declaresTheMultiUserFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.MULTIUSER, MultiUserProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        MultiUserProblem p = tiny(seed);
        Solver<MultiUserProblem, MultiUserPlan> solver = createSolver();
        check(p, solver.solve(p), solver.kind(), "seed " + seed);
    }

    @Test
    void reportsAnImpossibleDeadline() {
        MultiUserProblem p = withDeadline(RandomMultiUserInstances.random(3, 2, 2, 2, 3, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE), 1e-9);
        Solver<MultiUserProblem, MultiUserPlan> solver = createSolver();
        Result<MultiUserPlan> r = solver.solve(p);
        check(p, r, solver.kind(), "impossible deadline");
        assertFalse(r.hasPlan());
    }

    @Test
    void reportsTooFewUnitsForThreeOffloadingUsers() {
        Device d = new Device(1e9, 2, 1, 0.5);
        Link l = new Link(1e7, 1e7, 0);
        List<User> users = List.of(0, 1, 2).stream().map(i -> new User("u" + i, d, l, List.of(
                new PlanOption("edge only", 0, 0, 1e5, 1e9, 1e3, 1, 0.9, List.of())))).toList();
        MultiUserProblem p = new MultiUserProblem(new EdgeServer(1e12), 2, 3, CostWeights.LATENCY, users);
        Solver<MultiUserProblem, MultiUserPlan> solver = createSolver();
        Result<MultiUserPlan> r = solver.solve(p);
        check(p, r, solver.kind(), "two compute units for three edge-only users");
        assertFalse(r.hasPlan());
    }

    @Test
    void isDeterministic() {
        MultiUserProblem p = RandomMultiUserInstances.random(99, 3, 3, 3, 3, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
        ContractChecks.deterministic(createSolver(), p);
    }

    /** {@code p} with every user's deadline set to {@code seconds}. */
    public static MultiUserProblem withDeadline(MultiUserProblem p, double seconds) {
        List<User> users = p.users().stream().map(u -> new User(u.id(), u.device(), u.link(), OptionalDouble.of(seconds),
                u.accuracyFloor(), u.options())).toList();
        return new MultiUserProblem(p.edge(), p.computeUnits(), p.bandwidthUnits(), p.weights(), users);
    }

    /** The checks shared by all cases. */
    protected static void check(MultiUserProblem p, Result<MultiUserPlan> r, SolverKind kind, String label) {
        assertNotNull(r);
        assertNotEquals(Status.INVALID_INPUT, r.status(), label + ": " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
        MultiUserBruteForce.Optimum opt = MultiUserBruteForce.solve(p);
        if (r.hasBound() && opt.feasible()) {
            assertTrue(r.bound() <= opt.objective() * (1 + 1e-9), label + ": bound " + r.bound() + " above optimum "
                    + opt.objective());
        }
        if (kind == SolverKind.EXACT) {
            if (opt.feasible()) {
                assertEquals(Status.OPTIMAL, r.status(), label + ": " + r.message());
                assertTrue(Verifier.close(opt.objective(), r.objective(), 1e-9),
                        label + ": optimum " + opt.objective() + " but solver " + r.objective());
            } else {
                assertEquals(Status.INFEASIBLE, r.status(), label + ": " + r.message());
            }
        } else if (opt.feasible()) {
            if (r.hasPlan()) {
                assertTrue(r.objective() >= opt.objective() * (1 - 1e-12),
                        label + ": " + r.objective() + " below the optimum " + opt.objective());
            }
        } else {
            assertFalse(r.hasPlan(), label + ": a plan on an infeasible instance");
            assertNotEquals(Status.INFEASIBLE, r.status(), label + ": a heuristic cannot prove infeasibility");
        }
    }
}
