package org.cleave.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.algorithms.online.SplitPolicies;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cleave solvers}: every solver on the class path with its family and kind, in columns as
 * wide as their longest entry, then the online (P7) policies of {@code cleave online}.
 */
@Command(name = "solvers", mixinStandardHelpOptions = true,
        description = "List every solver with its family and kind (exact, heuristic or baseline), and the online"
                + " policies of 'cleave online'.")
final class SolversCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "family", "kind", "honours", "description"});
        for (Solver<?, ?> s : Solvers.all()) {
            String honours = s.honours().isEmpty() ? "-" : String.join(",",
                    s.honours().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList());
            rows.add(new String[] {s.id(), s.family().key() + " (" + s.family().code() + ")", s.kind().key(), honours,
                    s.description()});
        }
        for (String p : SplitPolicies.IDS) {
            rows.add(new String[] {p, "online (P7)", "policy", "-", "online split policy: cleave online --policy " + p});
        }
        print(out, rows);
        return 0;
    }

    /** Prints {@code rows} with every column but the last padded to its widest entry. */
    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c < columns - 1 ? String.format("%-" + width[c] + "s  ", r[c]) : r[c]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
