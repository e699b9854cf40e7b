package org.cleave.benchmarks.exits;

import org.cleave.benchmarks.BackendBenchmark;
import org.cleave.benchmarks.ZooProblems;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Family;
import org.openjdk.jmh.annotations.Param;

/**
 * Time per solve of each exact P2 backend on the block-level chain of every multi-exit zoo model
 * under 4G ({@link ZooProblems}: variant (a), latency objective, accuracy floor 0.97 × the final
 * classifier's). Each trial first checks that the backend answers OPTIMAL with {@code mincut}'s
 * objective ({@link BackendBenchmark}).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ExactExitsBackendsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
public class ExactExitsBackendsBenchmark extends BackendBenchmark<ExitsProblem, ExitPlan> {
    /** The solver id. */
    @Param({"mincut", "mincut-compiled", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs", "ortools-cpsat",
            "choco"})
    public String solver;

    /** The multi-exit zoo model (its block view). */
    @Param({"b-alexnet", "resnet18-exits", "resnet50-exits", "vgg16-exits", "mobilenetv2-exits"})
    public String model;

    @Override
    protected Family family() {
        return Family.EXITS;
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
    protected ExitsProblem problem(String name) {
        return ZooProblems.exits(name);
    }
}
