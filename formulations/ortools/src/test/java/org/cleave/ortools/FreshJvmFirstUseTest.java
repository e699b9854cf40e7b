package org.cleave.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cleave.core.solve.Solver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Regression for the CLI crash {@code UnsatisfiedLinkError ... mainJNI.new_Domain}: P4 CP-SAT
 * built its model before loading OR-Tools' natives, which the test suite hid because an earlier
 * test in the same JVM had loaded them. Here every OR-Tools solver registered with
 * {@link ServiceLoader} (all families, found by its package, so a new one is covered without
 * editing this test) solves a small instance in a new JVM ({@link FirstUseMain}) as that
 * process's first OR-Tools use, and must end with a plan status, never a crash.
 */
class FreshJvmFirstUseTest {
    private static final long SEED = 17;

    @TestFactory
    Stream<DynamicTest> everyOrToolsSolverLoadsNativesBeforeFirstUse() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
        @SuppressWarnings("rawtypes")
        List<String> solvers = ServiceLoader.load(Solver.class).stream()
                .map(ServiceLoader.Provider::type)
                .map(Class::getName)
                .filter(n -> n.startsWith("org.cleave.ortools."))
                .distinct()
                .toList();
        // 16 today: CP-SAT for P1-P4, MILP (SCIP, CBC, HiGHS) for P1-P3, SCIP for P4, P5 and P1-3T
        assertTrue(solvers.size() >= 16, "expected every OR-Tools solver of every family, found " + solvers);
        assertTrue(solvers.contains("org.cleave.ortools.multiuser.CpSatMultiUserSolver")
                && solvers.contains("org.cleave.ortools.tiers.MilpTiersSolver"), solvers.toString());
        return solvers.stream().map(name -> DynamicTest.dynamicTest(name, () -> runFresh(name)));
    }

    private static void runFresh(String solverClass) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FirstUseMain.class.getName(), solverClass,
                Long.toString(SEED)).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a hang is a failure too, but generous: the machine is shared
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), solverClass + " (seed " + SEED + ") did not end: " + out);
        assertEquals(0, p.exitValue(), solverClass + " (seed " + SEED + ") crashed in a fresh JVM:\n" + out);
        assertTrue(out.contains("status=OPTIMAL") || out.contains("status=INFEASIBLE"),
                solverClass + " (seed " + SEED + ") ended without a proven answer:\n" + out);
    }
}
