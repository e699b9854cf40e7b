package org.cleave.ortools;

import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;

/**
 * Run by {@link FreshJvmFirstUseTest} in a new JVM: solves a small random instance of the
 * solver's family with the solver named by {@code args[0]} (a class name) as the very first
 * OR-Tools use of the process, and prints {@code status=<STATUS>}. A solver that touches OR-Tools
 * before loading the natives dies here with {@code UnsatisfiedLinkError} (non-zero exit).
 */
public final class FirstUseMain {
    private FirstUseMain() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Solver<Problem<Object>, Object> solver = (Solver<Problem<Object>, Object>) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long seed = Long.parseLong(args[1]);
        @SuppressWarnings("unchecked")
        Problem<Object> problem = (Problem<Object>) problemFor(solver.family().name(), seed);
        Result<Object> result = solver.solve(problem, SolveLimits.none());
        System.out.println("status=" + result.status() + " message=" + result.message());
    }

    private static Problem<?> problemFor(String family, long seed) {
        RandomPartitionInstances.WeightMode latency = RandomPartitionInstances.WeightMode.LATENCY;
        switch (family) {
            case "PARTITION":
                return RandomPartitionInstances.partition(seed, RandomGraphs.Shape.CHAIN, 6, latency);
            case "MULTIUSER":
                return RandomMultiUserInstances.random(seed, 2, 4, 4, 3, RandomMultiUserInstances.Source.DRAWN,
                        RandomMultiUserInstances.Constraints.NONE);
            case "THROUGHPUT":
                return RandomThroughputInstances.throughput(seed, RandomGraphs.Shape.CHAIN, 6, 2);
            case "EXITS":
                return RandomExitsInstances.exits(seed, RandomGraphs.Shape.CHAIN, 6, 2);
            case "UPLOAD":
                return RandomUploadInstances.random(seed, RandomGraphs.Shape.CHAIN, 5, UploadMode.PARALLEL, latency);
            case "TIERS":
                return RandomTiersInstances.tiers(seed, RandomGraphs.Shape.CHAIN, 6, latency);
            case "EXITS_TIERS":
                return org.cleave.core.tiers.exits.RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.CHAIN,
                        6, 2);
            case "THROUGHPUT_TIERS":
                return org.cleave.core.tiers.throughput.TiersThroughputProblem.of(
                        RandomTiersInstances.tiers(seed, RandomGraphs.Shape.CHAIN, 6, latency),
                        java.util.OptionalDouble.empty());
            default:
                throw new IllegalArgumentException("no small instance for family " + family);
        }
    }
}
