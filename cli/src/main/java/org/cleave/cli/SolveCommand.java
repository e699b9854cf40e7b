package org.cleave.cli;

import org.cleave.workflows.options.OptionErrors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cleave solve FILE --solver ID [--json]}: solve one instance and print plan and cost. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve one instance and print the plan and its cost breakdown.")
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    InstanceArgument source;

    @Option(names = "--solver", paramLabel = "ID", description = "Solver id (see 'cleave solvers'; default: the"
            + " family's default exact solver, e.g. mincut for P1 and P2, dp for P4, named on stderr).")
    String solverId;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock limit, e.g. 10s, 500ms, 2m.")
    Duration timeLimit;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for randomised solvers.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads a solver may use.")
    int threads;

    @Option(names = "--quiet", description = "No progress line on stderr (shown once a solve passes 2 s: elapsed"
            + " time and, for CP-SAT, incumbent and bound).")
    boolean quiet;

    /** When the progress line appears; tests set it to zero. */
    static volatile Duration progressAfter = SolveProgress.SHOW_AFTER;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instance instance = source.load();
        Problem problem = instance.problem();
        String id = solverId;
        if (id == null) {
            id = Solvers.defaultExact(problem);
            err.println("cleave: no --solver given; using " + id + ", the default exact solver of "
                    + problem.family().key() + " (" + problem.family().code() + ")");
        }
        String chosen = id;
        Solver solver = OptionErrors.under(() -> Solvers.require(problem.family(), chosen), "--solver");
        if (threads < 1) {
            throw new IllegalArgumentException("--threads: must be >= 1, got " + threads);
        }
        SolveLimits limits = SolveLimits.none().withThreads(threads);
        if (timeLimit != null) {
            limits = limits.withTimeLimit(timeLimit);
        }
        if (seed != null) {
            limits = limits.withSeed(seed);
        }
        Result result;
        if (quiet) {
            result = solver.solve(problem, limits);
        } else {
            try (SolveProgress progress = new SolveProgress(err, solver.id(), progressAfter)) {
                result = solver.solve(problem, limits.withProgress(progress));
            }
        }
        if (result.status() == Status.INVALID_INPUT) {
            err.println("cleave: " + solver.id() + " rejected " + instance.name() + ": " + result.message());
            return Cleave.BAD_INPUT;
        }
        Verifier.Verdict verdict = Verifier.verify(problem, result);
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(toJson(instance, result, verdict)));
        } else {
            printText(out, instance, result, verdict);
        }
        if (!verdict.ok()) {
            err.println("cleave: verification failed: " + String.join("; ", verdict.defects()));
            return Cleave.INTERNAL_ERROR;
        }
        return 0;
    }

    private static ObjectNode toJson(Instance instance, Result<?> result, Verifier.Verdict verdict) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("instance", instance.name());
        o.put("family", instance.problem().family().key());
        o.put("solver", result.solverId());
        o.put("status", result.status().name());
        putNumber(o, "objective", result.objective());
        putNumber(o, "bound", result.bound());
        o.put("wallTimeSeconds", result.wallTime().toNanos() / 1e9);
        o.putPOJO("parameters", result.parameters());
        ObjectNode stats = o.putObject("statistics");
        result.statistics().forEach((k, v) -> stats.put(k, v.doubleValue()));
        o.put("message", result.message());
        o.put("verified", verdict.ok());
        if (result.plan().isPresent()) {
            o.set("plan", InstanceJson.codec(instance.problem().family())
                    .writePlan(instance.problem(), result.plan().get()));
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String name, double value) {
        if (Double.isNaN(value)) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static void printText(PrintWriter out, Instance instance, Result<?> result, Verifier.Verdict verdict)
            throws Exception {
        out.printf("instance   %s (%s, %s)%n", instance.name(), instance.problem().family().key(),
                instance.problem().family().code());
        out.printf("solver     %s%s%n", result.solverId(), result.parameters().isEmpty() ? "" : " " + result.parameters());
        out.printf("status     %s%s%n", result.status(), result.message().isEmpty() ? "" : " (" + result.message() + ")");
        if (result.plan().isPresent()) {
            out.printf("objective  %s%n", fmt(result.objective()));
        }
        if (result.hasBound()) {
            out.printf("bound      %s%n", fmt(result.bound()));
        }
        out.printf("time       %s%n", org.cleave.workflows.units.Engineering.seconds(result.wallTime().toNanos() / 1e9));
        if (!result.statistics().isEmpty()) {
            out.printf("statistics %s%n", result.statistics());
        }
        out.printf("verified   %s%n", verdict.ok() ? "yes (objective re-evaluated by the family evaluator)"
                : "NO: " + String.join("; ", verdict.defects()));
        if (result.plan().isEmpty()) {
            return;
        }
        out.println();
        if (!PlanTables.print(out, instance.problem(), result.plan().get())) {
            out.println(Json.MAPPER.writeValueAsString(InstanceJson.codec(instance.problem().family())
                    .writePlan(instance.problem(), result.plan().get())));
        }
    }

    /** Objectives and bounds: nine significant digits, so that exact solvers' answers can be compared by eye. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
