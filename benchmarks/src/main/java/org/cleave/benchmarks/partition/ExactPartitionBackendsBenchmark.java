package org.cleave.benchmarks.partition;

import org.cleave.benchmarks.BackendBenchmark;
import org.cleave.benchmarks.ZooProblems;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.openjdk.jmh.annotations.Param;

/**
 * Time per solve of each exact P1 backend on the block-level chain of every zoo model under 4G
 * ({@link ZooProblems}: 5.85 Mbit/s up, rpi4 device, gpu edge, latency objective). Each trial
 * first checks that the backend answers OPTIMAL with {@code mincut}'s objective
 * ({@link BackendBenchmark}).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ExactPartitionBackendsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
public class ExactPartitionBackendsBenchmark extends BackendBenchmark<PartitionProblem, Placement> {
    /** The solver id. */
    @Param({"mincut", "mincut-compiled", "enumerate", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs",
            "ortools-cpsat", "choco"})
    public String solver;

    /** The zoo model (its block view). */
    @Param({"alexnet", "vgg16", "resnet18", "resnet50", "googlenet", "inception-v3", "mobilenetv2", "nin",
            "tiny-yolov2"})
    public String model;

    @Override
    protected Family family() {
        return Family.PARTITION;
    }

    @Override
    protected String referenceId() {
        return "mincut";
    }

    @Override
    protected String solverId() {
        return solver;
    }

    @Override
    protected String model() {
        return model;
    }

    @Override
    protected PartitionProblem problem(String name) {
        return ZooProblems.partition(name);
    }
}
