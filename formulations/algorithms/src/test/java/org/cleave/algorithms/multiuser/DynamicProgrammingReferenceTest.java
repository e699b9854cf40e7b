package org.cleave.algorithms.multiuser;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.User;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounded dynamic program against the plain recursion it replaced ({@link ReferenceDynamicProgram})
 * on 240 seeded instances: up to 30 users and K up to 32, drawn and chain options, with and without
 * deadlines and accuracy floors, and with ties (every user repeated, so many plans share the
 * optimum). Same status, same optimum to 1e-9 relative, and a verified plan; and the table's
 * best-response costs equal the evaluator's to the last bit.
 */
class DynamicProgrammingReferenceTest {
    static LongStream seeds() {
        return Seeds.of(2201, 240);
    }

    /** Instance {@code seed}: sizes cycle so that a fifth of them are at N = 30 or K = 32. */
    static MultiUserProblem instance(long seed) {
        int users = switch ((int) (seed % 5)) {
            case 0 -> 30;
            case 1 -> 2 + (int) (seed % 7);
            case 2 -> 10 + (int) (seed % 11);
            case 3 -> 20;
            default -> 5;
        };
        int kf = (seed / 5) % 4 == 0 ? 32 : 1 + (int) ((seed * 7) % 24);
        int kb = (seed / 5) % 4 == 0 ? 32 : 1 + (int) ((seed * 11) % 24);
        RandomMultiUserInstances.Source source = seed % 3 == 0 ? RandomMultiUserInstances.Source.CHAIN
                : RandomMultiUserInstances.Source.DRAWN;
        RandomMultiUserInstances.Constraints constraints = seed % 2 == 0 ? RandomMultiUserInstances.Constraints.SOME
                : RandomMultiUserInstances.Constraints.NONE;
        boolean ties = (seed / 3) % 4 == 1;
        MultiUserProblem p = RandomMultiUserInstances.random(seed, ties ? Math.max(1, users / 3) : users, kf, kb,
                4 + (int) (seed % 9), source, constraints);
        if (!ties) {
            return p;
        }
        List<User> users3 = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (User u : p.users()) {
                users3.add(new User(u.id() + "-" + copy, u.device(), u.link(), u.deadlineSeconds(),
                        u.accuracyFloor(), u.options()));
            }
        }
        return new MultiUserProblem(p.edge(), kf, kb, p.weights(), users3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boundedProgramEqualsPlainRecursion(long seed) {
        MultiUserProblem p = instance(seed);
        String where = "seed " + seed + " (" + p.size() + " users, K_F = " + p.computeUnits() + ", K_B = "
                + p.bandwidthUnits() + ")";
        DynamicProgramChecks.assertEqualsPlainRecursion(p, where);
    }

    /** Every third instance: the bit-for-bit check calls the evaluator for every (option, f, b). */
    static LongStream tableSeeds() {
        return seeds().filter(s -> s % 3 == 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tableSeeds")
    void tableCostsHaveTheEvaluatorsBits(long seed) {
        MultiUserProblem p = instance(seed);
        AllocationTable table = AllocationTable.build(p);
        DynamicProgramChecks.assertTableIsTheEvaluatorsMinimum(p, table, "seed " + seed);
        assertNotNull(table.problem());
    }
}
