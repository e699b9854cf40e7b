package org.cleave.algorithms.multiuser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.multiuser.User;
import org.cleave.core.solve.Result;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounded dynamic program where the units are contended: 10–30 users whose uplinks are 10 to
 * 1,000 times faster and whose edge is 10 times faster than {@link RandomMultiUserInstances} draws
 * them, K_F, K_B up to 32, so that offloading pays for most users, their staircases are large and
 * the priced choices overload the capacities (the case where the incumbent has to be repaired and
 * where a device-only fallback prunes fewer options). Against the plain recursion
 * ({@link ReferenceDynamicProgram}, which builds its own table through the evaluator): same status,
 * same optimum to 1e-9 relative, a verified plan, relax-round's and dp's own Lagrangian bound below
 * the optimum and dp's incumbent above it; and the allocation table's best responses equal the
 * evaluator's minimum over every option to the last bit.
 */
class DynamicProgrammingContendedTest {
    static LongStream seeds() {
        return Seeds.of(2271, 60);
    }

    static MultiUserProblem instance(long seed) {
        int users = 10 + (int) (seed % 21);
        int kf = 8 + (int) ((seed * 7) % 25);
        int kb = 8 + (int) ((seed * 11) % 25);
        RandomMultiUserInstances.Source source = seed % 3 == 0 ? RandomMultiUserInstances.Source.CHAIN
                : RandomMultiUserInstances.Source.DRAWN;
        RandomMultiUserInstances.Constraints constraints = seed % 4 == 0 ? RandomMultiUserInstances.Constraints.SOME
                : RandomMultiUserInstances.Constraints.NONE;
        MultiUserProblem p = RandomMultiUserInstances.random(seed, users, kf, kb, 4 + (int) (seed % 9), source,
                constraints);
        double speedUp = Math.pow(10, 1 + (seed % 3));
        List<User> faster = new ArrayList<>();
        for (User u : p.users()) {
            faster.add(new User(u.id(), u.device(), u.link().withUplinkBitsPerSecond(
                    u.link().uplinkBitsPerSecond() * speedUp), u.deadlineSeconds(), u.accuracyFloor(), u.options()));
        }
        return new MultiUserProblem(new EdgeServer(10 * p.edge().flopsPerSecond()), kf, kb, p.weights(), faster);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalsPlainRecursionWithinBounds(long seed) {
        MultiUserProblem p = instance(seed);
        String where = "seed " + seed + " (" + p.size() + " users, K_F = " + p.computeUnits() + ", K_B = "
                + p.bandwidthUnits() + ")";
        DynamicProgramChecks.Outcome checked = DynamicProgramChecks.assertEqualsPlainRecursion(p, where);
        if (Double.isNaN(checked.optimum())) {
            return;
        }
        double optimum = checked.optimum();
        Result<MultiUserPlan> dp = checked.dp();
        double slack = 1e-9 * Math.abs(optimum);
        double relaxed = RelaxRoundMultiUserSolver.lowerBound(p);
        assertTrue(relaxed <= optimum + slack, where + ": relax-round bound " + relaxed + " above " + optimum);
        double lagrangian = dp.statistics().get("lagrangianBound").doubleValue();
        double incumbent = dp.statistics().get("incumbent").doubleValue();
        assertTrue(lagrangian <= optimum + slack, where + ": Lagrangian bound " + lagrangian + " above " + optimum);
        assertTrue(incumbent >= optimum - slack, where + ": incumbent " + incumbent + " below " + optimum);
    }

    /** Every fourth instance: the table's best responses, bit for bit, against all options. */
    static LongStream tableSeeds() {
        return seeds().filter(s -> s % 4 == 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tableSeeds")
    void tableIsTheMinimumOverEveryOption(long seed) {
        MultiUserProblem p = instance(seed);
        AllocationTable table = AllocationTable.build(p);
        DynamicProgramChecks.assertTableIsTheEvaluatorsMinimum(p, table, "seed " + seed);
    }
}
