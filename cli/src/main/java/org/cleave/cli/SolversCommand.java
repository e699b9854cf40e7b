package org.cleave.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cleave solvers}: every solver on the class path with its family and kind. */
@Command(name = "solvers", mixinStandardHelpOptions = true,
        description = "List every solver with its family and kind (exact, heuristic or baseline).")
final class SolversCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %-11s %-10s %-28s %s%n", "id", "family", "kind", "honours", "description");
        for (Solver<?, ?> s : Solvers.all()) {
            String honours = s.honours().isEmpty() ? "-" : String.join(",",
                    s.honours().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
            out.printf("%-22s %-11s %-10s %-28s %s%n", s.id(), s.family().key() + " (" + s.family().code() + ")",
                    s.kind().key(), honours, s.description());
        }
        return 0;
    }
}
