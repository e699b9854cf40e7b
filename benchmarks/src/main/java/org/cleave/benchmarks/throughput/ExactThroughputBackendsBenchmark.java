package org.cleave.benchmarks.throughput;

import org.cleave.benchmarks.BackendBenchmark;
import org.cleave.benchmarks.ZooProblems;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Family;
import org.cleave.core.throughput.ThroughputProblem;
import org.openjdk.jmh.annotations.Param;

/**
 * Time per solve of each exact P3 backend on the block-level chain of every multi-exit zoo model
 * under 4G ({@link ZooProblems}: minimum period, no frame rate, accuracy floor 0.97 × the final
 * classifier's). Each trial first checks that the backend answers OPTIMAL with {@code enumerate}'s
 * objective ({@link BackendBenchmark}).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ExactThroughputBackendsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
public class ExactThroughputBackendsBenchmark extends BackendBenchmark<ThroughputProblem, ExitPlan> {
    /** The solver id. */
    @Param({"enumerate", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs", "ortools-cpsat", "choco"})
    public String solver;

    /** The multi-exit zoo model (its block view). */
    @Param({"b-alexnet", "resnet18-exits", "resnet50-exits", "vgg16-exits", "mobilenetv2-exits"})
    public String model;

    @Override
    protected Family family() {
        return Family.THROUGHPUT;
    }

    @Override
    protected String referenceId() {
        return "enumerate";
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
    protected ThroughputProblem problem(String name) {
        return ZooProblems.throughput(name);
    }
}
